import { useId } from "react";
import styled from "styled-components";
import { getColor } from "@zendeskgarden/react-theming";
import { MD, Paragraph, SM, XL } from "@zendeskgarden/react-typography";
import type { Figure, MetricFigure, MetricsReport } from "../../api/metrics-types";
import { useI18n } from "../../hooks/useI18n";
import { useMetricFormat } from "../../hooks/useMetricFormat";
import { Difference } from "./Difference";
import { FigureValue } from "./FigureValue";
import { METHOD_NAME, METRIC_NAME } from "./metric-labels";
import { RandomisationLabel } from "./RandomisationLabel";
import { RolloutSummary } from "./RolloutSummary";

const Card = styled.section`
  display: grid;
  gap: ${({ theme }) => theme.space.md};
  padding: ${({ theme }) => theme.space.md};
  border: ${({ theme }) => theme.borders.sm}
    ${({ theme }) => getColor({ theme, variable: "border.primaryEmphasis" })};
  border-radius: ${({ theme }) => theme.borderRadii.md};

  /* The grid's gap spaces the paragraphs; Garden's paragraph-after-paragraph margin would double it. */
  && > p {
    margin: 0;
  }
`;

const Figures = styled.div`
  display: grid;
  grid-template-columns: repeat(auto-fit, minmax(180px, 1fr));
  gap: ${({ theme }) => theme.space.md};
`;

const Block = styled.div`
  display: grid;
  gap: ${({ theme }) => theme.space.xxs};
  align-content: start;
`;

const Big = styled.span`
  font-size: ${({ theme }) => theme.fontSizes.xxl};
  line-height: ${({ theme }) => theme.lineHeights.xxl};
  font-weight: ${({ theme }) => theme.fontWeights.semibold};
`;

const Subtle = styled(SM)`
  color: ${({ theme }) => getColor({ theme, variable: "foreground.subtle" })};
`;

function Arm({
  title,
  figure,
  metric,
}: {
  title: string;
  figure: Figure | null;
  metric: MetricFigure;
}) {
  const { t } = useI18n();
  const format = useMetricFormat();
  return (
    <Block data-testid="primary-arm">
      <SM tag="h3" isBold>
        {title}
      </SM>
      <Big>
        <FigureValue figure={figure} unit={metric.unit} />
      </Big>
      <Subtle>{t("metrics.n", { n: format.count(figure?.n ?? 0) })}</Subtle>
    </Block>
  );
}

/**
 * The rollout is judged on one metric declared before it started, so that metric leads: each
 * arm's value, the difference with its 95 % interval, how the interval was computed, and whether
 * the arms were randomised.
 */
export function PrimaryMetric({ report }: { report: MetricsReport }) {
  const { t } = useI18n();
  const titleId = useId();
  const metric = report.metrics.find((m) => m.id === report.primaryMetric);
  if (!metric) {
    return (
      <Card aria-labelledby={titleId} data-testid="primary-none">
        <MD tag="h2" isBold id={titleId}>
          {t("metrics.primary.title")}
        </MD>
        <Paragraph>{t("metrics.primary.none")}</Paragraph>
        <RolloutSummary rollout={report.rollout} />
      </Card>
    );
  }
  const comparison = metric.comparison;
  return (
    <Card aria-labelledby={titleId} data-testid="primary-metric" data-metric={metric.id}>
      <Block>
        <Subtle tag="p">{t("metrics.primary.title")}</Subtle>
        <XL tag="h2" isBold id={titleId}>
          {t(METRIC_NAME[metric.id])}
        </XL>
      </Block>
      <Figures>
        <Arm title={t("metrics.arm.continuity")} figure={metric.arms.continuity} metric={metric} />
        <Arm title={t("metrics.arm.control")} figure={metric.arms.control} metric={metric} />
        <Block>
          <SM tag="h3" isBold>
            {t("metrics.difference")}
          </SM>
          <Difference metric={metric} large />
        </Block>
      </Figures>
      {comparison ? (
        <>
          <Paragraph size="small" data-testid="method">
            {t("metrics.method.used", { method: t(METHOD_NAME[comparison.method]) })}
          </Paragraph>
          <RandomisationLabel comparison={comparison} />
        </>
      ) : null}
      <RolloutSummary rollout={report.rollout} />
    </Card>
  );
}
