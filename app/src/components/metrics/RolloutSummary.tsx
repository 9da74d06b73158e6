import { Paragraph } from "@zendeskgarden/react-typography";
import type { MetricsReport } from "../../api/metrics-types";
import { useI18n } from "../../hooks/useI18n";
import { useMetricFormat } from "../../hooks/useMetricFormat";
import { DIMENSION_NAME, segmentValue } from "./metric-labels";

/** The rollout plan's gate keys and the segment each one names. */
const GATED = { channels: "channel", tiers: "tier" } as const;

/** How threads are split between the arms, so a reader knows what the comparison compares. */
export function RolloutSummary({ rollout }: { rollout: MetricsReport["rollout"] }) {
  const { t, tOr, list } = useI18n();
  const format = useMetricFormat();
  if (!rollout) {
    return (
      <Paragraph size="small" data-testid="rollout">
        {t("metrics.rollout.none")}
      </Paragraph>
    );
  }
  const gate = Object.entries(GATED).flatMap(([key, dimension]) => {
    const values = rollout.gate?.[key];
    if (!values?.length) return [];
    const names = values.map((value) => segmentValue(tOr, format.day, dimension, value));
    return [
      t("metrics.rollout.gateOf", { dimension: t(DIMENSION_NAME[dimension]), values: list(names) }),
    ];
  });
  return (
    <Paragraph size="small" data-testid="rollout">
      {t("metrics.rollout.share", { share: format.share(rollout.continuityShare) })}{" "}
      {gate.length > 0 ? t("metrics.rollout.gated", { gate: gate.join("; ") }) : null}
    </Paragraph>
  );
}
