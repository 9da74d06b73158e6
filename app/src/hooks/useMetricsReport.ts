import { useCallback, useEffect, useState } from "react";
import type { MetricsApi } from "../api/metrics-api";
import type { MetricsReport } from "../api/metrics-types";
import type { Outcome } from "../api/worker-api";

export type MetricsView =
  | { state: "loading" }
  | { state: "error"; status: number }
  /** `series` is the same query grouped by day, for the time series. */
  | { state: "ready"; report: MetricsReport; series: MetricsReport };

function failure(outcome: Outcome<MetricsReport>): number | null {
  if (outcome.kind !== "ok") return outcome.status;
  // A 200 that is not a report (a proxy's HTML page, say) must not reach the tables.
  return Array.isArray(outcome.body?.metrics) ? null : outcome.status;
}

/**
 * The report for `query`, and the same filters grouped by day for `seriesQuery`: one request when
 * they are the same. A newer query wins over an older answer that lands late.
 */
export function useMetricsReport(
  api: MetricsApi,
  query: string | null,
  seriesQuery: string | null,
): { view: MetricsView; retry: () => void } {
  const [view, setView] = useState<MetricsView>({ state: "loading" });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (query === null || seriesQuery === null) return;
    let live = true;
    setView({ state: "loading" });
    const separate = seriesQuery !== query;
    void Promise.all([
      api.report(query),
      separate ? api.report(seriesQuery) : Promise.resolve(null),
    ]).then(([report, grouped]) => {
      if (!live) return;
      const series = grouped ?? report;
      const status = failure(report) ?? failure(series);
      if (status !== null || report.kind !== "ok" || series.kind !== "ok") {
        setView({ state: "error", status: status ?? 0 });
        return;
      }
      setView({ state: "ready", report: report.body, series: series.body });
    });
    return () => {
      live = false;
    };
  }, [api, query, seriesQuery, attempt]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { view, retry };
}
