import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import NavBar from "../src/locations/NavBar";
import {
  aMetricsReport,
  metricsClient,
  metricsRequests,
  queryOf,
  serving,
} from "./metrics-factories";
import { renderWithClient } from "./render";

/** jsdom's Blob has no text(); its FileReader does. */
function textOf(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsText(blob);
  });
}

const CSV = "metric,label,value,n\ntransfer_rate,Transferred to a person,0.25,40\n";

describe("CSV export", () => {
  let blobs: Blob[];
  let clicked: { href: string; download: string }[];

  beforeEach(() => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-06-30T12:00:00Z"));
    // jsdom neither makes object URLs nor downloads: record what the page hands the browser.
    blobs = [];
    clicked = [];
    URL.createObjectURL = vi.fn((blob: Blob) => {
      blobs.push(blob);
      return `blob:metrics/${blobs.length}`;
    });
    URL.revokeObjectURL = vi.fn();
    vi.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      clicked.push({ href: this.href, download: this.download });
    });
  });
  afterEach(() => {
    vi.restoreAllMocks();
    vi.useRealTimers();
  });

  it("asks the Worker for format=csv with the page's filters and downloads what it sent", async () => {
    const client = metricsClient(serving(aMetricsReport(), { csv: CSV }));
    renderWithClient(client, <NavBar />);
    await screen.findByTestId("primary-none");

    await userEvent.click(screen.getByRole("button", { name: "Download CSV" }));

    await waitFor(() => expect(clicked).toHaveLength(1));
    const csvRequests = metricsRequests(client).filter((r) => queryOf(r).format === "csv");
    expect(csvRequests.map(queryOf)).toEqual([
      { from: "2026-06-01", to: "2026-06-30", groupBy: "channel", format: "csv" },
    ]);
    expect(csvRequests[0]!.options).toMatchObject({
      secure: true,
      headers: { Authorization: "Bearer {{setting.appSecret}}" },
    });
    expect(clicked[0]).toEqual({
      href: "blob:metrics/1",
      download: "continuity-metrics-2026-06-01-2026-06-30.csv",
    });
    expect(blobs[0]!.type).toBe("text/csv;charset=utf-8");
    // The Worker's rows as it sent them; the columns the page adds follow on each line.
    const lines = (await textOf(blobs[0]!)).split("\n");
    CSV.split("\n").forEach((line, at) => expect(lines[at]!.startsWith(line)).toBe(true));
    expect(screen.getByTestId("csv-status").textContent).toContain("Download started");
  });

  it("copies the same CSV when downloads are blocked", async () => {
    const writeText = vi.fn<(text: string) => Promise<void>>(async () => {});
    Object.defineProperty(navigator, "clipboard", { value: { writeText }, configurable: true });
    const client = metricsClient(serving(aMetricsReport(), { csv: CSV }));
    renderWithClient(client, <NavBar />);
    await screen.findByTestId("primary-none");

    await userEvent.click(screen.getByRole("button", { name: "Copy CSV" }));

    await waitFor(() => expect(writeText).toHaveBeenCalled());
    expect(writeText.mock.calls[0]![0]).toMatch(
      /^metric,label,value,n,.*\ntransfer_rate,Transferred to a person,0\.25,40,/,
    );
    expect(await screen.findByText("CSV copied to the clipboard.")).toBeTruthy();
  });

  it("says so when the Worker does not send the CSV", async () => {
    const base = serving(aMetricsReport());
    const client = metricsClient((query) =>
      query.format === "csv" ? { status: 503 } : base(query),
    );
    renderWithClient(client, <NavBar />);
    await screen.findByTestId("primary-none");

    await userEvent.click(screen.getByRole("button", { name: "Download CSV" }));

    expect(await screen.findByText("The CSV could not be loaded. Try again.")).toBeTruthy();
    expect(clicked).toEqual([]);
  });
});
