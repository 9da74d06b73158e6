import styled from "styled-components";
import type { BreakdownRow, MetricId, Unit } from "../../api/metrics-types";
import { useI18n } from "../../hooks/useI18n";
import { useMetricFormat } from "../../hooks/useMetricFormat";
import { FigureTable } from "./FigureTable";
import { FigureValue } from "./FigureValue";

const Scroll = styled.div`
  max-height: 260px;
  overflow-y: auto;
`;

/**
 * The time series as text: the days that have figures, with value and n. It is the chart's text
 * alternative and what a reader copies numbers from.
 */
export function DayTable(props: {
  rows: BreakdownRow[];
  metric: MetricId;
  unit: Unit;
  caption: string;
}) {
  const { t } = useI18n();
  const format = useMetricFormat();
  const rows = props.rows.filter((row) => (row.values[props.metric]?.n ?? 0) > 0);
  return (
    // A scrolling region must be reachable by keyboard, and named for what it holds.
    <Scroll tabIndex={0} role="region" aria-label={props.caption} data-testid="day-table">
      <FigureTable>
        <caption>{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("metrics.dimension.day")}</th>
            <th scope="col" data-numeric>
              {t("metrics.column.value")}
            </th>
            <th scope="col" data-numeric>
              {t("metrics.column.n")}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const figure = row.values[props.metric] ?? null;
            return (
              <tr key={row.key} data-testid="day-row" data-day={row.key}>
                <th scope="row">{format.day(row.key)}</th>
                <td data-numeric>
                  <FigureValue figure={figure} unit={props.unit} />
                </td>
                <td data-numeric>{format.count(figure?.n ?? 0)}</td>
              </tr>
            );
          })}
        </tbody>
      </FigureTable>
    </Scroll>
  );
}
