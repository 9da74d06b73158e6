import { METRICS, METRIC_IDS, type MetricDefinition, type MetricId } from "./catalog";
import { meanDifference, proportionDifference } from "./intervals";

/** Summed rollups: trials (n), their sum and sum of squares, for one metric and arm. */
export interface Aggregate {
  n: number;
  sum: number;
  sumSq: number;
}

export interface RollupCell extends Aggregate {
  metric: string;
  arm: string;
  key: string;
}

export interface Figure {
  value: number | null;
  n: number;
}

export interface Comparison {
  randomised: boolean;
  /** What a reader must know before trusting the difference. */
  label: string;
  /** Continuity minus control. */
  difference: number;
  low: number | null;
  high: number | null;
  method: "newcombe-wilson-hybrid-score" | "welch-t" | "none";
}

export interface MetricFigure extends MetricDefinition, Figure {
  numerator: number;
  arms: { continuity: Figure | null; control: Figure | null };
  comparison: Comparison | null;
}

export interface MetricsReport {
  primaryMetric: MetricId | null;
  metrics: MetricFigure[];
  breakdown: { dimension: string; rows: { key: string; values: Record<string, Figure> }[] } | null;
}

const EMPTY: Aggregate = { n: 0, sum: 0, sumSq: 0 };

function plus(a: Aggregate, b: Aggregate): Aggregate {
  return { n: a.n + b.n, sum: a.sum + b.sum, sumSq: a.sumSq + b.sumSq };
}

function total(cells: RollupCell[], where: (cell: RollupCell) => boolean): Aggregate {
  return cells.filter(where).reduce<Aggregate>(plus, EMPTY);
}

export function figureOf(aggregate: Aggregate): Figure {
  return { value: aggregate.n > 0 ? aggregate.sum / aggregate.n : null, n: aggregate.n };
}

function compare(
  def: MetricDefinition,
  continuity: Aggregate,
  control: Aggregate,
  randomised: boolean,
): Comparison | null {
  if (continuity.n === 0 || control.n === 0) return null;
  const label = randomised
    ? "Randomised: threads were assigned to arms by a stable hash"
    : "Not randomised: the arms differ by segment (a gated rollout), so the difference mixes the segments' own differences with Continuity's effect";
  const difference = continuity.sum / continuity.n - control.sum / control.n;
  if (def.kind === "proportion") {
    const interval = proportionDifference(
      { successes: continuity.sum, trials: continuity.n },
      { successes: control.sum, trials: control.n },
    );
    return interval
      ? {
          randomised,
          label,
          difference,
          low: interval.low,
          high: interval.high,
          method: interval.method,
        }
      : null;
  }
  if (def.kind === "mean") {
    const interval = meanDifference(
      { count: continuity.n, sum: continuity.sum, sumOfSquares: continuity.sumSq },
      { count: control.n, sum: control.sum, sumOfSquares: control.sumSq },
    );
    return {
      randomised,
      label,
      difference,
      low: interval?.low ?? null,
      high: interval?.high ?? null,
      method: interval ? interval.method : "none",
    };
  }
  // A rate per handoff has no interval we can honestly claim from these sums.
  return { randomised, label, difference, low: null, high: null, method: "none" };
}

const isArm = (arm: string, name: "continuity" | "control") =>
  arm === name || arm === `${name}_unrandomised`;

/**
 * The metrics page's figures from summed rollups: overall values, per arm, and the difference
 * between arms with a 95 % interval. Randomised arms are compared on their own when there are
 * any; otherwise the comparison is labelled as not randomised.
 */
export function metricsReport(
  cells: RollupCell[],
  primaryMetric: MetricId | null,
  breakdown: { dimension: string; cells: RollupCell[] } | null,
): MetricsReport {
  const metrics = METRIC_IDS.map((id): MetricFigure => {
    const def = METRICS[id];
    const own = cells.filter((c) => c.metric === id);
    const overall = total(own, () => true);
    const randomised = {
      continuity: total(own, (c) => c.arm === "continuity"),
      control: total(own, (c) => c.arm === "control"),
    };
    const any = {
      continuity: total(own, (c) => isArm(c.arm, "continuity")),
      control: total(own, (c) => isArm(c.arm, "control")),
    };
    const useRandomised = randomised.continuity.n > 0 && randomised.control.n > 0;
    const arms = useRandomised ? randomised : any;
    return {
      ...def,
      ...figureOf(overall),
      numerator: overall.sum,
      arms: {
        continuity: arms.continuity.n > 0 ? figureOf(arms.continuity) : null,
        control: arms.control.n > 0 ? figureOf(arms.control) : null,
      },
      comparison: compare(def, arms.continuity, arms.control, useRandomised),
    };
  });
  return {
    primaryMetric,
    metrics,
    breakdown: breakdown && {
      dimension: breakdown.dimension,
      rows: [...new Set(breakdown.cells.map((c) => c.key))].sort().map((key) => ({
        key,
        values: Object.fromEntries(
          METRIC_IDS.map((id) => [
            id,
            figureOf(total(breakdown.cells, (c) => c.key === key && c.metric === id)),
          ]),
        ),
      })),
    },
  };
}

/** One CSV field: quoted only when it holds a quote, a comma or a line break. */
export function csvCell(v: unknown): string {
  const text = v === null || v === undefined ? "" : String(v);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The report as CSV: one row per metric with its arms and comparison. */
export function metricsCsv(report: MetricsReport): string {
  const header = [
    "metric",
    "label",
    "kind",
    "value",
    "n",
    "continuity",
    "continuity_n",
    "control",
    "control_n",
    "difference",
    "ci_low",
    "ci_high",
    "method",
    "randomised",
    "primary",
  ];
  const rows = report.metrics.map((m) => [
    m.id,
    m.label,
    m.kind,
    m.value,
    m.n,
    m.arms.continuity?.value,
    m.arms.continuity?.n,
    m.arms.control?.value,
    m.arms.control?.n,
    m.comparison?.difference,
    m.comparison?.low,
    m.comparison?.high,
    m.comparison?.method,
    m.comparison ? m.comparison.randomised : "",
    m.id === report.primaryMetric,
  ]);
  return [header, ...rows].map((r) => r.map(csvCell).join(",")).join("\n") + "\n";
}
