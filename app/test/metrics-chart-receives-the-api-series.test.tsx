import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import NavBar from "../src/locations/NavBar";
import { aBreakdownRow, aMetricsReport, metricsClient, serving } from "./metrics-factories";
import { renderWithClient } from "./render";

/** Every uPlot the page makes: its options and the data it was given. */
const charts = vi.hoisted(
  () => [] as { options: { series: { label?: string }[] }; data: unknown[] }[],
);

vi.mock("uplot", () => ({
  default: Object.assign(
    class {
      constructor(options: (typeof charts)[number]["options"], data: unknown[]) {
        charts.push({ options, data });
      }
      setSize() {}
      destroy() {}
    },
    { tzDate: (date: Date) => date },
  ),
}));

const seconds = (day: string) => Date.parse(`${day}T00:00:00Z`) / 1000;

const report = aMetricsReport({
  window: { from: "2026-06-01", to: "2026-06-07" },
  primaryMetric: "transfer_rate",
});
const byDay = [
  aBreakdownRow("2026-06-02", {
    transfer_rate: { value: 0.2, n: 10 },
    aht_minutes: { value: 9.5, n: 10 },
  }),
  aBreakdownRow("2026-06-05", { transfer_rate: { value: 0.4, n: 5 } }),
];

describe("the time series", () => {
  beforeEach(() => {
    charts.length = 0;
  });

  it("draws the primary metric per day from the report grouped by day, gaps where no thread counted", async () => {
    renderWithClient(metricsClient(serving(report, { breakdowns: { day: byDay } })), <NavBar />);

    const chart = await screen.findByTestId("time-series-chart");
    await waitFor(() => expect(charts.length).toBeGreaterThan(0));
    const { data, options } = charts.at(-1)!;
    expect(data[0]).toEqual(
      ["01", "02", "03", "04", "05", "06", "07"].map((d) => seconds(`2026-06-${d}`)),
    );
    expect(data[1]).toEqual([null, 0.2, null, null, 0.4, null, null]);
    expect(options.series[1]!.label).toBe(
      "Transferred to a person by day, Jun 1, 2026 to Jun 7, 2026. The figures are in the table beside the chart.",
    );
    expect(chart.getAttribute("role")).toBe("img");
    expect(chart.getAttribute("aria-label")).toBe(options.series[1]!.label);
  });

  it("has a summary table with the same days, values and counts", async () => {
    renderWithClient(metricsClient(serving(report, { breakdowns: { day: byDay } })), <NavBar />);

    const table = await screen.findByRole("region", { name: "Transferred to a person by day" });
    const rows = within(table)
      .getAllByTestId("day-row")
      .map((row) => [...row.children].map((cell) => cell.textContent));
    expect(rows).toEqual([
      ["Jun 2, 2026", "20%", "10"],
      ["Jun 5, 2026", "40%", "5"],
    ]);
  });

  it("follows the metric picked for the charts", async () => {
    renderWithClient(metricsClient(serving(report, { breakdowns: { day: byDay } })), <NavBar />);
    await screen.findByTestId("time-series-chart");

    await userEvent.selectOptions(screen.getByTestId("chart-metric"), "aht_minutes");

    await waitFor(() =>
      expect(charts.at(-1)!.data[1]).toEqual([null, 9.5, null, null, null, null, null]),
    );
    const table = screen.getByRole("region", { name: "Average handle time (person) by day" });
    expect(
      within(table)
        .getAllByTestId("day-row")
        .map((r) => r.textContent),
    ).toEqual(["Jun 2, 20269.5 min10"]);
  });
});
