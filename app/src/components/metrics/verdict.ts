import type { Comparison } from "../../api/metrics-types";

export type Verdict = "better" | "worse" | "unclear";

/**
 * What the interval says about continuity against control: a direction only when the whole 95 %
 * interval lies on one side of zero, and nothing at all when there is no interval.
 */
export function verdictOf(comparison: Comparison, higherIsBetter: boolean): Verdict | null {
  const { low, high } = comparison;
  if (low === null || high === null) return null;
  if (low <= 0 && high >= 0) return "unclear";
  const higher = low > 0;
  return higher === higherIsBetter ? "better" : "worse";
}
