/**
 * The metrics Continuity reports, each a documented formula over the event log (docs/metrics.md).
 * A proportion is successes over trials; a mean is a sum over a count; a rate is a sum over a
 * count that may exceed one (no interval is claimed for it).
 */
export const METRIC_IDS = [
  "repetition_rate",
  "reauth_frequency",
  "retriage_minutes",
  "clarifying_turns",
  "cross_channel_continuity",
  "handoff_edit_rate",
  "aht_minutes",
  "fcr",
  "csat",
  "transfer_rate",
  "containment",
] as const;
export type MetricId = (typeof METRIC_IDS)[number];

export type MetricKind = "proportion" | "mean" | "rate";

export const METRIC_UNITS = ["share", "minutes", "turns", "per thread", "per handoff"] as const;
export type MetricUnit = (typeof METRIC_UNITS)[number];

export interface MetricDefinition {
  id: MetricId;
  group: "fidelity" | "outcome";
  kind: MetricKind;
  label: string;
  /** Whether a higher value is better, for how the page colours a difference. */
  higherIsBetter: boolean;
  unit: MetricUnit;
}

export const METRICS: Record<MetricId, MetricDefinition> = {
  repetition_rate: {
    id: "repetition_rate",
    group: "fidelity",
    kind: "proportion",
    label: "Repetition after a channel switch",
    higherIsBetter: false,
    unit: "share",
  },
  reauth_frequency: {
    id: "reauth_frequency",
    group: "fidelity",
    kind: "mean",
    label: "Verification prompts per resolved thread",
    higherIsBetter: false,
    unit: "per thread",
  },
  retriage_minutes: {
    id: "retriage_minutes",
    group: "fidelity",
    kind: "mean",
    label: "Re-triage time after a handoff",
    higherIsBetter: false,
    unit: "minutes",
  },
  clarifying_turns: {
    id: "clarifying_turns",
    group: "fidelity",
    kind: "mean",
    label: "Clarifying turns before the first useful action",
    higherIsBetter: false,
    unit: "turns",
  },
  cross_channel_continuity: {
    id: "cross_channel_continuity",
    group: "fidelity",
    kind: "proportion",
    label: "Channel switches that stayed on one thread",
    higherIsBetter: true,
    unit: "share",
  },
  handoff_edit_rate: {
    id: "handoff_edit_rate",
    group: "fidelity",
    kind: "rate",
    label: "Human edits per handoff",
    higherIsBetter: false,
    unit: "per handoff",
  },
  aht_minutes: {
    id: "aht_minutes",
    group: "outcome",
    kind: "mean",
    label: "Average handle time (person)",
    higherIsBetter: false,
    unit: "minutes",
  },
  fcr: {
    id: "fcr",
    group: "outcome",
    kind: "proportion",
    label: "First-contact resolution",
    higherIsBetter: true,
    unit: "share",
  },
  csat: {
    id: "csat",
    group: "outcome",
    kind: "proportion",
    label: "CSAT (good ratings)",
    higherIsBetter: true,
    unit: "share",
  },
  transfer_rate: {
    id: "transfer_rate",
    group: "outcome",
    kind: "proportion",
    label: "Transferred to a person",
    higherIsBetter: false,
    unit: "share",
  },
  containment: {
    id: "containment",
    group: "outcome",
    kind: "proportion",
    label: "Resolved without a person",
    higherIsBetter: true,
    unit: "share",
  },
};
