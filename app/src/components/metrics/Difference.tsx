import styled from "styled-components";
import { getColor } from "@zendeskgarden/react-theming";
import type { MetricFigure } from "../../api/metrics-types";
import { useI18n } from "../../hooks/useI18n";
import { useMetricFormat } from "../../hooks/useMetricFormat";
import { NoData } from "./NoData";
import { verdictOf, type Verdict } from "./verdict";

const HUE: Record<Verdict, "successHue" | "dangerHue" | "neutralHue"> = {
  better: "successHue",
  worse: "dangerHue",
  unclear: "neutralHue",
};

const Stack = styled.span`
  display: inline-grid;
  gap: ${({ theme }) => theme.space.xxs};
`;

const Value = styled.span<{ $large: boolean }>`
  font-size: ${({ theme, $large }) => ($large ? theme.fontSizes.xxl : theme.fontSizes.md)};
  font-weight: ${({ theme }) => theme.fontWeights.semibold};
  line-height: ${({ theme, $large }) => ($large ? theme.lineHeights.xxl : theme.lineHeights.md)};
`;

const Small = styled.span`
  font-size: ${({ theme }) => theme.fontSizes.sm};
  color: ${({ theme }) => getColor({ theme, variable: "foreground.subtle" })};
`;

const Said = styled.span<{ $verdict: Verdict }>`
  font-size: ${({ theme }) => theme.fontSizes.sm};
  font-weight: ${({ theme }) => theme.fontWeights.semibold};
  color: ${({ theme, $verdict }) =>
    getColor({ theme, hue: HUE[$verdict], shade: $verdict === "unclear" ? 700 : 800 })};
`;

/**
 * Continuity minus control with its 95 % interval, and what the interval allows one to say. The
 * verdict is in words so it does not rest on colour.
 */
export function Difference({ metric, large = false }: { metric: MetricFigure; large?: boolean }) {
  const { t } = useI18n();
  const format = useMetricFormat();
  const comparison = metric.comparison;
  if (!comparison) return <NoData reason="comparison" />;
  const { low, high } = comparison;
  const verdict = verdictOf(comparison, metric.higherIsBetter);
  return (
    <Stack data-testid="comparison">
      <Value $large={large} data-testid="difference">
        {format.difference(metric.unit, comparison.difference)}
      </Value>
      <Small data-testid="interval">
        {low === null || high === null
          ? t("metrics.interval.none")
          : t("metrics.interval.range", {
              low: format.difference(metric.unit, low),
              high: format.difference(metric.unit, high),
            })}
      </Small>
      {verdict ? (
        <Said $verdict={verdict} data-testid="verdict" data-verdict={verdict}>
          {t(`metrics.verdict.${verdict}`)}
        </Said>
      ) : null}
    </Stack>
  );
}
