import { useEffect, useState } from "react";
import type { MetricsApi } from "../api/metrics-api";
import type { Segment } from "../api/metrics-types";
import { metricsQuery, type DayRange } from "../api/metrics-query";

export type SegmentOptions = Record<Segment, string[]>;

const SEGMENTS: Segment[] = ["category", "channel", "tier"];
const NONE: SegmentOptions = { category: [], channel: [], tier: [] };

/**
 * The categories, channels and tiers that have threads in the window, from unfiltered reports
 * grouped by each: the filters offer what exists, not a list that can drift from the data.
 */
export function useSegmentOptions(api: MetricsApi, range: DayRange | null): SegmentOptions {
  const [options, setOptions] = useState<SegmentOptions>(NONE);
  const from = range?.from;
  const to = range?.to;

  useEffect(() => {
    if (!from || !to) return;
    let live = true;
    void Promise.all(
      SEGMENTS.map(async (segment) => {
        const outcome = await api.report(metricsQuery({ from, to }, null, { groupBy: segment }));
        // A failed list leaves that filter at "all"; the report itself says what went wrong.
        const rows = outcome.kind === "ok" ? (outcome.body?.breakdown?.rows ?? []) : [];
        return [segment, rows.map((row) => row.key)] as const;
      }),
    ).then((lists) => {
      if (live) setOptions(Object.fromEntries(lists) as SegmentOptions);
    });
    return () => {
      live = false;
    };
  }, [api, from, to]);

  return options;
}
