import type {
  KnowledgeReportContract,
  MetricsReportContract,
} from "../../../worker/src/contracts/metrics-report";

// Type-only imports: the app shares the worker's contract types and never bundles zod or hono.

/** What GET /v1/metrics answers with format=json. */
export type MetricsReport = MetricsReportContract;

export type MetricFigure = MetricsReport["metrics"][number];
export type Figure = NonNullable<MetricFigure["arms"]["continuity"]>;
export type Comparison = NonNullable<MetricFigure["comparison"]>;
export type MetricId = MetricFigure["id"];
export type Unit = MetricFigure["unit"];
export type Method = Comparison["method"];
export type BreakdownRow = NonNullable<MetricsReport["breakdown"]>["rows"][number];

// The page's own filter and grouping choices: request parameters, not part of the response.
export type Dimension = "day" | "category" | "channel" | "tier" | "arm";
export type Segment = "category" | "channel" | "tier";
export type ArmFilter = "continuity" | "control";

/** What GET /v1/metrics/knowledge answers: general questions and the Help Center's answers. */
export type KnowledgeReport = KnowledgeReportContract;
