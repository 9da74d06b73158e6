import type { MetricFigure, Unit } from "../../api/metrics-types";
import type { I18n } from "../../i18n/I18nProvider";
import { csvCell } from "../../../../worker/src/domain/metrics/report";
import { METRIC_DEFINITION } from "./metric-labels";

/**
 * The unit of a row's value, continuity, control, difference, ci_low and ci_high. A share is a
 * fraction (0.25 is 25 %), and so is a difference of shares (-0.08 is 8 points lower).
 */
const CSV_UNIT: Record<Unit, string> = {
  share: "share (0-1)",
  minutes: "minutes",
  turns: "turns",
  "per thread": "per thread",
  "per handoff": "per handoff",
};

const SEGMENT_FILTERS = ["category", "channel", "tier", "arm"] as const;

/**
 * Added after the Worker's columns. Why columns and not lines above the header: the Worker's
 * rows are metrics, so each metric's unit, good direction and definition belong in its row, and
 * Excel, Sheets, Numbers, pandas and R all take the first line as the header with no options; a
 * comment or preamble line would become a bogus header or a ragged first row. The filters are
 * repeated on every row for the same reason, and so exports of different filters can be stacked
 * into one sheet and still tell their rows apart.
 */
export const ADDED_COLUMNS = [
  "unit",
  "higher_is_better",
  "definition",
  "from",
  "to",
  ...SEGMENT_FILTERS,
] as const;

/** CSV text split into records; a line break inside a quoted field stays in its record. */
function records(csv: string): string[] {
  const out: string[] = [];
  let start = 0;
  let quoted = false;
  for (let at = 0; at < csv.length; at++) {
    if (csv[at] === '"') quoted = !quoted;
    else if (csv[at] === "\n" && !quoted) {
      out.push(csv.slice(start, at).replace(/\r$/, ""));
      start = at + 1;
    }
  }
  if (start < csv.length) out.push(csv.slice(start));
  return out;
}

/**
 * The Worker's CSV with its rows untouched and, on each, the metric's unit, whether higher is
 * better and its definition (in the agent's language, as on the page), then the window and
 * filters of `query`, the request that produced it ("all" where a filter was not set).
 */
export function annotateCsv(
  csv: string,
  query: string,
  metrics: Pick<MetricFigure, "id" | "unit" | "higherIsBetter">[],
  t: I18n["t"],
): string {
  const [header, ...rows] = records(csv);
  if (header === undefined) return csv;
  const params = new URLSearchParams(query);
  const applied = [
    params.get("from") ?? "",
    params.get("to") ?? "",
    ...SEGMENT_FILTERS.map((name) => params.get(name) ?? "all"),
  ];
  const byId = new Map<string, (typeof metrics)[number]>(metrics.map((m) => [m.id, m]));
  const annotated = rows.map((row) => {
    const metric = byId.get(row.split(",", 1)[0]!);
    const about = metric
      ? [CSV_UNIT[metric.unit], String(metric.higherIsBetter), t(METRIC_DEFINITION[metric.id])]
      : ["", "", ""];
    return [row, ...[...about, ...applied].map(csvCell)].join(",");
  });
  return [[header, ...ADDED_COLUMNS].join(","), ...annotated].join("\n") + "\n";
}
