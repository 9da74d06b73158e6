import { useId } from "react";
import styled from "styled-components";
import { getColor } from "@zendeskgarden/react-theming";
import { MD, Paragraph } from "@zendeskgarden/react-typography";
import type { Figure, MetricFigure } from "../../api/metrics-types";
import { useI18n } from "../../hooks/useI18n";
import { useMetricFormat } from "../../hooks/useMetricFormat";
import { Difference } from "./Difference";
import { FigureTable } from "./FigureTable";
import { FigureValue } from "./FigureValue";
import { MetricName } from "./MetricName";
import { RandomisationTag } from "./RandomisationLabel";

const Region = styled.section`
  display: grid;
  gap: ${({ theme }) => theme.space.sm};
  overflow-x: auto;

  table {
    table-layout: fixed;
    min-width: 760px;
  }
`;

const Comparison = styled.div`
  display: flex;
  flex-wrap: wrap;
  align-items: flex-start;
  gap: ${({ theme }) => theme.space.xs};
`;

const ArmN = styled.span`
  display: block;
  font-size: ${({ theme }) => theme.fontSizes.sm};
  color: ${({ theme }) => getColor({ theme, variable: "foreground.subtle" })};
`;

/** One arm's value with the count behind it, so a large difference on few threads reads as such. */
function ArmCell({
  figure,
  metric,
  testId,
}: {
  figure: Figure | null;
  metric: MetricFigure;
  testId: string;
}) {
  const { t } = useI18n();
  const format = useMetricFormat();
  return (
    <td data-numeric data-testid={testId}>
      <FigureValue figure={figure} unit={metric.unit} />
      {figure ? <ArmN>{t("metrics.n", { n: format.count(figure.n) })}</ArmN> : null}
    </td>
  );
}

/**
 * One group of metrics (context fidelity or outcomes): value, n and the arms side by side. The
 * page drops the arm columns when no metric has an arm, and the difference when none has a
 * comparison, and says why once instead of in every row.
 */
export function MetricGroup(props: {
  group: "fidelity" | "outcome";
  metrics: MetricFigure[];
  show: { arms: boolean; difference: boolean };
}) {
  const { arms, difference } = props.show;
  const { t } = useI18n();
  const format = useMetricFormat();
  const id = useId();
  const unrandomised = props.metrics.some((m) => m.comparison && !m.comparison.randomised);
  return (
    <Region aria-labelledby={id} data-testid={`group-${props.group}`}>
      <MD tag="h2" isBold id={id}>
        {t(`metrics.group.${props.group}`)}
      </MD>
      <FigureTable>
        {/* Fixed widths line the two groups' columns up under each other. */}
        <colgroup>
          <col style={{ width: "30%" }} />
          <col style={{ width: "11%" }} />
          <col style={{ width: "7%" }} />
          {arms ? <col style={{ width: "13%" }} /> : null}
          {arms ? <col style={{ width: "13%" }} /> : null}
          {difference ? <col style={{ width: "26%" }} /> : null}
        </colgroup>
        <thead>
          <tr>
            <th scope="col">{t("metrics.column.metric")}</th>
            <th scope="col" data-numeric>
              {t("metrics.column.value")}
            </th>
            <th scope="col" data-numeric>
              {t("metrics.column.n")}
            </th>
            {arms ? (
              <>
                <th scope="col" data-numeric>
                  {t("metrics.arm.continuity")}
                </th>
                <th scope="col" data-numeric>
                  {t("metrics.arm.control")}
                </th>
              </>
            ) : null}
            {difference ? <th scope="col">{t("metrics.column.difference")}</th> : null}
          </tr>
        </thead>
        <tbody>
          {props.metrics.map((metric) => (
            <tr key={metric.id} data-testid="metric-row" data-metric={metric.id}>
              <th scope="row">
                <MetricName metric={metric} />
              </th>
              <td data-numeric data-testid="metric-value">
                <FigureValue figure={metric} unit={metric.unit} />
              </td>
              <td data-numeric data-testid="metric-n">
                {format.count(metric.n)}
              </td>
              {arms ? (
                <>
                  <ArmCell
                    figure={metric.arms.continuity}
                    metric={metric}
                    testId="metric-continuity"
                  />
                  <ArmCell figure={metric.arms.control} metric={metric} testId="metric-control" />
                </>
              ) : null}
              {difference ? (
                <td>
                  <Comparison>
                    <Difference metric={metric} />
                    {metric.comparison && !metric.comparison.randomised ? (
                      <RandomisationTag comparison={metric.comparison} />
                    ) : null}
                  </Comparison>
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </FigureTable>
      {unrandomised ? (
        <Paragraph size="small" data-testid="randomisation-label">
          {t("metrics.notRandomised.label")}
        </Paragraph>
      ) : null}
    </Region>
  );
}
