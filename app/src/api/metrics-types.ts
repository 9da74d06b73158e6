import type { MetricId } from "../../../worker/src/domain/metrics/catalog";
import type {
  Comparison,
  Figure,
  MetricFigure,
  MetricsReport as DomainReport,
} from "../../../worker/src/domain/metrics/report";

// Type-only imports from the worker's pure domain: the app never bundles zod or hono. The route's
// MetricsReportSchema cannot be z.infer'd here because its module pulls in the worker's auth
// middleware and, through it, the Workers runtime types; the JSON is `metricsReport()`'s result
// plus the window, filters and rollout the handler adds, which is what this type says.

export type { Comparison, Figure, MetricFigure, MetricId };

export type Dimension = "day" | "category" | "channel" | "tier" | "arm";
export type Segment = "category" | "channel" | "tier";
export type ArmFilter = "continuity" | "control";
export type Unit = MetricFigure["unit"];
export type Method = Comparison["method"];

/** What GET /v1/metrics answers with format=json. */
export interface MetricsReport extends DomainReport {
  window: { from: string; to: string };
  filters: Record<string, string>;
  rollout: { continuityShare: number; gate: Record<string, string[]> | null } | null;
}

export type BreakdownRow = NonNullable<DomainReport["breakdown"]>["rows"][number];
