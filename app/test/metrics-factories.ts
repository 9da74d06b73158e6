import { METRICS, METRIC_IDS } from "../../worker/src/domain/metrics/catalog";
import type {
  BreakdownRow,
  Comparison,
  Dimension,
  Figure,
  MetricFigure,
  MetricId,
  MetricsReport,
} from "../src/api/metrics-types";
import { zafDouble, type SeenRequest, type ZafDouble } from "./zaf-double";

/** One metric's figures: the catalog's definition, a value, and by default no arms. */
export function aMetric(id: MetricId, overrides: Partial<MetricFigure> = {}): MetricFigure {
  const n = overrides.n ?? 40;
  const value = overrides.value === undefined ? 0.25 : overrides.value;
  return {
    ...METRICS[id],
    value,
    n,
    numerator: value === null ? 0 : value * n,
    arms: { continuity: null, control: null },
    comparison: null,
    ...overrides,
  };
}

export function aFigure(value: number | null, n: number): Figure {
  return { value, n };
}

/** A randomised proportion comparison, as the Worker reports it. */
export function aComparison(overrides: Partial<Comparison> = {}): Comparison {
  return {
    randomised: true,
    label: "Randomised: threads were assigned to arms by a stable hash",
    difference: -0.08,
    low: -0.15,
    high: -0.01,
    method: "newcombe-wilson-hybrid-score",
    ...overrides,
  };
}

/**
 * A report the Worker could send for 1–30 June 2026: every metric in the catalog, no rollout and
 * no breakdown unless asked for. `metrics` overrides single metrics by id.
 */
export function aMetricsReport(
  overrides: Omit<Partial<MetricsReport>, "metrics"> & {
    metrics?: Partial<Record<MetricId, Partial<MetricFigure>>>;
  } = {},
): MetricsReport {
  const { metrics = {}, ...rest } = overrides;
  return {
    window: { from: "2026-06-01", to: "2026-06-30" },
    filters: {},
    primaryMetric: null,
    rollout: null,
    breakdown: null,
    metrics: METRIC_IDS.map((id) => aMetric(id, metrics[id])),
    ...rest,
  };
}

/** A breakdown row: the metrics given, every other one without data. */
export function aBreakdownRow(
  key: string,
  values: Partial<Record<MetricId, Figure>> = {},
): BreakdownRow {
  return {
    key,
    values: Object.fromEntries(METRIC_IDS.map((id) => [id, values[id] ?? { value: null, n: 0 }])),
  };
}

/** The query of a metrics request as a plain object, for comparing with what the page sent. */
export function queryOf(request: SeenRequest): Record<string, string> {
  return Object.fromEntries(new URLSearchParams(request.path.split("?")[1] ?? ""));
}

export function metricsRequests(client: ZafDouble): SeenRequest[] {
  return client.requests.filter((r) => r.path.startsWith("/v1/metrics"));
}

/**
 * The nav_bar client against a metrics double. `answer` gets the parsed query; a string body is
 * sent as text (the CSV), the way Zendesk's proxy hands back a non-JSON response.
 */
export function metricsClient(
  answer: (query: Record<string, string>) => { status: number; body?: unknown },
  options: { locale?: string; knowledge?: unknown } = {},
): ZafDouble {
  const client = zafDouble({
    location: "nav_bar",
    ...(options.locale ? { locale: options.locale } : {}),
    // The Help Center figures answer only when a test gives them; otherwise the page goes without.
    worker: (request) =>
      request.path.startsWith("/v1/metrics/knowledge")
        ? options.knowledge
          ? { status: 200, body: options.knowledge }
          : { status: 404 }
        : answer(queryOf(request)),
  });
  const send = client.request.bind(client);
  client.request = async (request) => {
    const response = await send(request);
    if (typeof response.responseJSON !== "string") return response;
    const { responseJSON: text, ...rest } = response;
    return { ...rest, responseText: text as string };
  };
  return client;
}

/**
 * A Worker double that answers every metrics query with `report`, its breakdown following the
 * query's groupBy as the Worker's does, and format=csv with `csv`.
 */
export function serving(
  report: MetricsReport,
  options: { breakdowns?: Partial<Record<Dimension, BreakdownRow[]>>; csv?: string } = {},
) {
  return (query: Record<string, string>) => {
    if (query.format === "csv") return { status: 200, body: options.csv ?? "metric,value\n" };
    const dimension = query.groupBy as Dimension | undefined;
    const breakdown = dimension ? { dimension, rows: options.breakdowns?.[dimension] ?? [] } : null;
    return { status: 200, body: { ...report, breakdown } };
  };
}
