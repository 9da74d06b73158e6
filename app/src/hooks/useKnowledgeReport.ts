import { useEffect, useState } from "react";
import type { MetricsApi } from "../api/metrics-api";
import type { DayRange } from "../api/metrics-query";
import type { KnowledgeReport } from "../api/metrics-types";

/**
 * The Help Center figures for the window, or null while loading or when they could not be read:
 * they sit beside the metrics, so a failure here leaves the rest of the page as it is.
 */
export function useKnowledgeReport(
  api: MetricsApi,
  range: DayRange | null,
): KnowledgeReport | null {
  const [report, setReport] = useState<KnowledgeReport | null>(null);
  const from = range?.from;
  const to = range?.to;
  useEffect(() => {
    if (!from || !to) return;
    let live = true;
    void api.knowledge({ from, to }).then((outcome) => {
      const body = outcome.kind === "ok" ? outcome.body : null;
      if (live) setReport(body && Array.isArray(body.rows) ? body : null);
    });
    return () => {
      live = false;
    };
  }, [api, from, to]);
  return report;
}
