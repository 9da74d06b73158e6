import type { ArmFilter, Dimension, Segment } from "./metrics-types";

export const PRESET_DAYS = [7, 30, 90] as const;
export type PresetDays = (typeof PRESET_DAYS)[number];

/** The reporting window: the last N days up to today, or two days the user picked. */
export type WindowChoice =
  { kind: "last"; days: PresetDays } | { kind: "custom"; from: string; to: string };

export interface DayRange {
  from: string;
  to: string;
}

export interface MetricsFilters {
  window: WindowChoice;
  segments: Record<Segment, string | null>;
  arm: ArmFilter | null;
  groupBy: Dimension;
}

const DAY_MS = 86_400_000;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

// The Worker rolls figures up by UTC day, so "today" is the UTC day too.
export const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The days a window covers, both ends included; null while a custom window is not valid. */
export function rangeOf(window: WindowChoice, now: number = Date.now()): DayRange | null {
  if (window.kind === "last") {
    const to = dayOf(now);
    return { from: dayOf(Date.parse(to) - (window.days - 1) * DAY_MS), to };
  }
  const { from, to } = window;
  if (!DAY.test(from) || !DAY.test(to) || from > to) return null;
  return { from, to };
}

/** Every day from `from` to `to`, so a chart shows a day without threads as a gap. */
export function daysOf(range: DayRange): string[] {
  const days: string[] = [];
  for (let at = Date.parse(range.from); at <= Date.parse(range.to); at += DAY_MS) {
    days.push(dayOf(at));
  }
  return days;
}

/**
 * The query string of GET /v1/metrics. Filters left at "all" are omitted, never sent empty: the
 * Worker reads an empty value as a segment named "".
 */
export function metricsQuery(
  range: DayRange,
  filters: Pick<MetricsFilters, "segments" | "arm"> | null,
  options: { groupBy?: Dimension; format?: "json" | "csv" } = {},
): string {
  const params = new URLSearchParams({ from: range.from, to: range.to });
  if (filters) {
    for (const [segment, value] of Object.entries(filters.segments)) {
      if (value) params.set(segment, value);
    }
    if (filters.arm) params.set("arm", filters.arm);
  }
  if (options.groupBy) params.set("groupBy", options.groupBy);
  if (options.format) params.set("format", options.format);
  return params.toString();
}
