import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { metricsCsv } from "../../worker/src/domain/metrics/report";
import NavBar from "../src/locations/NavBar";
import {
  aBreakdownRow,
  aComparison,
  aFigure,
  aMetricsReport,
  metricsClient,
  serving,
} from "./metrics-factories";
import { renderWithClient } from "./render";

/** RFC 4180 as spreadsheets read it: quoted fields may hold commas, quotes and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let at = 0; at < text.length; at++) {
    const c = text[at]!;
    if (quoted && c === '"' && text[at + 1] === '"') {
      field += '"';
      at++;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (!quoted && (c === "," || c === "\n")) {
      row.push(field);
      field = "";
      if (c === "\n") {
        rows.push(row);
        row = [];
      }
    } else {
      field += c;
    }
  }
  return rows;
}

const report = aMetricsReport({
  rollout: { continuityShare: 0.5, gate: null },
  metrics: {
    transfer_rate: {
      arms: { continuity: aFigure(0.2, 50), control: aFigure(0.3, 50) },
      comparison: aComparison(),
    },
    aht_minutes: { value: 12.5, n: 30 },
  },
});
// The Worker's own serialiser, so the test holds against the CSV it really sends.
const WORKER_CSV = metricsCsv(report);

describe("the CSV export", () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-06-30T12:00:00Z"));
  });
  afterEach(() => {
    vi.restoreAllMocks();
    vi.useRealTimers();
  });

  it("adds each metric's unit, good direction and definition, and the filters applied", async () => {
    const writeText = vi.fn<(text: string) => Promise<void>>(async () => {});
    Object.defineProperty(navigator, "clipboard", { value: { writeText }, configurable: true });
    const client = metricsClient(
      serving(report, { csv: WORKER_CSV, breakdowns: { channel: [aBreakdownRow("email")] } }),
    );
    renderWithClient(client, <NavBar />);
    await screen.findByTestId("group-outcome");
    const channel = screen.getByTestId("filter-channel") as HTMLSelectElement;
    await waitFor(() => expect(channel.options).toHaveLength(2));
    await userEvent.selectOptions(channel, "email");
    await userEvent.selectOptions(screen.getByTestId("filter-arm"), "control");
    await screen.findByTestId("group-outcome");

    await userEvent.click(screen.getByRole("button", { name: "Copy CSV" }));
    await waitFor(() => expect(writeText).toHaveBeenCalled());

    const [header, ...rows] = parseCsv(writeText.mock.calls[0]![0]);
    const worker = parseCsv(WORKER_CSV);
    // One header line, the Worker's columns first and untouched, then the added ones.
    expect(header).toEqual([
      ...worker[0]!,
      "unit",
      "higher_is_better",
      "definition",
      "from",
      "to",
      "category",
      "channel",
      "tier",
      "arm",
    ]);
    expect(rows).toHaveLength(worker.length - 1);
    const byMetric = Object.fromEntries(
      rows.map((row, at) => {
        expect(row.slice(0, worker[0]!.length)).toEqual(worker[at + 1]);
        return [row[0]!, Object.fromEntries(header!.map((name, i) => [name, row[i]]))];
      }),
    );

    expect(byMetric.transfer_rate).toMatchObject({
      value: "0.25",
      unit: "share (0-1)",
      higher_is_better: "false",
      definition:
        "Share of threads a person touched: the AI agent handed off, or control went to a person.",
      from: "2026-06-01",
      to: "2026-06-30",
      category: "all",
      channel: "email",
      tier: "all",
      arm: "control",
    });
    expect(byMetric.aht_minutes).toMatchObject({ unit: "minutes", higher_is_better: "false" });
    expect(byMetric.csat).toMatchObject({ unit: "share (0-1)", higher_is_better: "true" });
    expect(byMetric.clarifying_turns!.unit).toBe("turns");
    expect(byMetric.reauth_frequency!.unit).toBe("per thread");
    expect(byMetric.handoff_edit_rate!.unit).toBe("per handoff");
    for (const row of Object.values(byMetric)) expect(row.definition).toMatch(/\w+ \w+/);
  });
});
