import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import NavBar from "../src/locations/NavBar";
import { aBreakdownRow, aMetricsReport, metricsClient, serving } from "./metrics-factories";
import { renderWithClient } from "./render";

const report = aMetricsReport({ primaryMetric: "transfer_rate" });
const breakdowns = {
  channel: [
    aBreakdownRow("email", { transfer_rate: { value: 0.2, n: 50 } }),
    aBreakdownRow("voice", { transfer_rate: { value: 0.5, n: 10 } }),
    aBreakdownRow("whatsapp"),
  ],
  arm: [
    aBreakdownRow("continuity", { transfer_rate: { value: 0.25, n: 30 } }),
    aBreakdownRow("control_unrandomised", { transfer_rate: { value: 0.35, n: 30 } }),
  ],
};

const rowsOf = (table: HTMLElement) =>
  within(table)
    .getAllByTestId("breakdown-row")
    .map((row) => [...row.children].map((cell) => cell.textContent));

describe("the breakdown", () => {
  it("lists the chosen metric per segment from the report, with bars against 100% for shares", async () => {
    renderWithClient(metricsClient(serving(report, { breakdowns })), <NavBar />);

    const table = await screen.findByTestId("breakdown");
    expect(table.querySelector("caption")!.textContent).toBe("Channel: Transferred to a person");
    expect(rowsOf(table)).toEqual([
      ["Email", "20%", "50"],
      ["Voice", "50%", "10"],
      ["WhatsApp", "No data yet", "0"],
    ]);
    const bars = [...table.querySelectorAll<HTMLElement>('[aria-hidden="true"] span')];
    expect(bars.map((bar) => bar.style.width)).toEqual(["20%", "50%", "0%"]);
  });

  it("follows the breakdown picked in the filters", async () => {
    renderWithClient(metricsClient(serving(report, { breakdowns })), <NavBar />);
    await screen.findByTestId("breakdown");

    await userEvent.selectOptions(screen.getByTestId("filter-group-by"), "arm");

    await waitFor(() =>
      expect(rowsOf(screen.getByTestId("breakdown"))).toEqual([
        ["Continuity", "25%", "30"],
        ["Control (not randomised)", "35%", "30"],
      ]),
    );
  });
});
