import type { Dimension, Method, MetricId } from "../../api/metrics-types";
import type { I18n } from "../../i18n/I18nProvider";
import type { TranslationKey } from "../../i18n/translate";

/** The catalog's name for each metric; the Worker's English label is for the CSV. */
export const METRIC_NAME: Record<MetricId, TranslationKey> = {
  repetition_rate: "metrics.metric.repetition_rate",
  reauth_frequency: "metrics.metric.reauth_frequency",
  retriage_minutes: "metrics.metric.retriage_minutes",
  clarifying_turns: "metrics.metric.clarifying_turns",
  cross_channel_continuity: "metrics.metric.cross_channel_continuity",
  handoff_edit_rate: "metrics.metric.handoff_edit_rate",
  aht_minutes: "metrics.metric.aht_minutes",
  fcr: "metrics.metric.fcr",
  csat: "metrics.metric.csat",
  transfer_rate: "metrics.metric.transfer_rate",
  containment: "metrics.metric.containment",
};

/**
 * What each metric counts (docs/metrics.md), in the agent's language: the page's hover text and
 * the CSV's definition column read it from here.
 */
export const METRIC_DEFINITION: Record<MetricId, TranslationKey> = {
  repetition_rate: "metrics.definition.repetition_rate",
  reauth_frequency: "metrics.definition.reauth_frequency",
  retriage_minutes: "metrics.definition.retriage_minutes",
  clarifying_turns: "metrics.definition.clarifying_turns",
  cross_channel_continuity: "metrics.definition.cross_channel_continuity",
  handoff_edit_rate: "metrics.definition.handoff_edit_rate",
  aht_minutes: "metrics.definition.aht_minutes",
  fcr: "metrics.definition.fcr",
  csat: "metrics.definition.csat",
  transfer_rate: "metrics.definition.transfer_rate",
  containment: "metrics.definition.containment",
};

/** Which way is good, from the catalog's `higherIsBetter` that each figure carries. */
export const betterKey = (higherIsBetter: boolean): TranslationKey =>
  higherIsBetter ? "metrics.better.higher" : "metrics.better.lower";

export const METHOD_NAME: Record<Method, TranslationKey> = {
  "newcombe-wilson-hybrid-score": "metrics.method.newcombe-wilson-hybrid-score",
  "welch-t": "metrics.method.welch-t",
  none: "metrics.method.none",
};

export const DIMENSION_NAME: Record<Dimension, TranslationKey> = {
  day: "metrics.dimension.day",
  category: "metrics.dimension.category",
  channel: "metrics.dimension.channel",
  tier: "metrics.dimension.tier",
  arm: "metrics.dimension.arm",
};

/** Where a segment's raw value ("email", "refund", "control_unrandomised") has a name. */
const NAMED: Record<Exclude<Dimension, "day">, string[]> = {
  category: ["workflowName", "metrics.category"],
  channel: ["channel"],
  tier: ["metrics.tier"],
  arm: ["metrics.arm"],
};

/**
 * A breakdown row's key as the agent reads it: a date, a translated name, or the value itself
 * when the catalog has no name for it (a tenant's own tier, say).
 */
export function segmentValue(
  tOr: I18n["tOr"],
  day: (text: string) => string,
  dimension: Dimension,
  key: string,
): string {
  if (dimension === "day") return day(key);
  for (const prefix of NAMED[dimension]) {
    const name = tOr(`${prefix}.${key}`, "");
    if (name) return name;
  }
  return key;
}
