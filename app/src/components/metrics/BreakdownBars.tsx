import styled from "styled-components";
import { getColor } from "@zendeskgarden/react-theming";
import type { BreakdownRow, Dimension, MetricId, Unit } from "../../api/metrics-types";
import { useI18n } from "../../hooks/useI18n";
import { useMetricFormat } from "../../hooks/useMetricFormat";
import { FigureTable } from "./FigureTable";
import { FigureValue } from "./FigureValue";
import { segmentValue } from "./metric-labels";

const Track = styled.div`
  display: flex;
  align-items: center;
  gap: ${({ theme }) => theme.space.sm};
  min-width: 200px;
`;

const Bar = styled.span`
  display: block;
  flex: 1;
  height: ${({ theme }) => theme.space.sm};
  border-radius: ${({ theme }) => theme.borderRadii.sm};
  background: ${({ theme }) => getColor({ theme, variable: "background.subtle" })};
  overflow: hidden;

  span {
    display: block;
    height: 100%;
    background: ${({ theme }) => getColor({ theme, hue: "primaryHue", shade: 700 })};
  }
`;

const Figure = styled.span`
  min-width: 6em;
  text-align: end;
  font-variant-numeric: tabular-nums;
`;

/**
 * The chosen metric by the breakdown dimension, as a table whose value cells carry a bar. The
 * table is the data; the bars are decoration, hidden from assistive technology. Shares are drawn
 * against 100 %, other units against the largest row.
 */
export function BreakdownBars(props: {
  rows: BreakdownRow[];
  dimension: Dimension;
  metric: MetricId;
  unit: Unit;
  caption: string;
}) {
  const { t, tOr } = useI18n();
  const format = useMetricFormat();
  const values = props.rows.map((row) => row.values[props.metric]?.value ?? null);
  const largest = Math.max(0, ...values.map((v) => v ?? 0));
  const scale = props.unit === "share" ? 1 : largest;
  return (
    <FigureTable data-testid="breakdown">
      <caption>{props.caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t(`metrics.dimension.${props.dimension}`)}</th>
          <th scope="col" data-numeric>
            {t("metrics.column.value")}
          </th>
          <th scope="col" data-numeric>
            {t("metrics.column.n")}
          </th>
        </tr>
      </thead>
      <tbody>
        {props.rows.map((row, index) => {
          const figure = row.values[props.metric] ?? null;
          const value = values[index] ?? null;
          const width = value === null || scale <= 0 ? 0 : Math.min(1, Math.max(0, value / scale));
          return (
            <tr key={row.key} data-testid="breakdown-row" data-key={row.key}>
              <th scope="row">{segmentValue(tOr, format.day, props.dimension, row.key)}</th>
              <td>
                <Track>
                  <Bar aria-hidden="true">
                    <span style={{ width: `${(width * 100).toFixed(1)}%` }} />
                  </Bar>
                  <Figure>
                    <FigureValue figure={figure} unit={props.unit} />
                  </Figure>
                </Track>
              </td>
              <td data-numeric>{format.count(figure?.n ?? 0)}</td>
            </tr>
          );
        })}
      </tbody>
    </FigureTable>
  );
}
