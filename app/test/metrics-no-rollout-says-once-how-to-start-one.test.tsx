import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import NavBar from "../src/locations/NavBar";
import { aComparison, aFigure, aMetricsReport, metricsClient, serving } from "./metrics-factories";
import { renderWithClient } from "./render";

const tables = () => [screen.getByTestId("group-fidelity"), screen.getByTestId("group-outcome")];

describe("metrics without any comparison", () => {
  it("say once how to start a rollout instead of no comparison in every row", async () => {
    renderWithClient(metricsClient(serving(aMetricsReport())), <NavBar />);
    await screen.findByTestId("group-outcome");

    const lines = screen.getAllByTestId("no-comparison");
    expect(lines).toHaveLength(1);
    expect(lines[0]!.textContent).toContain("To start one, an operator sets rollout");
    expect(lines[0]!.textContent).toContain("tenant settings");
    for (const table of tables()) {
      expect(within(table).queryAllByText("No comparison yet")).toEqual([]);
      expect(within(table).queryByRole("columnheader", { name: "Difference, 95% CI" })).toBeNull();
      // No arm has a figure either: no column of "No data yet".
      expect(within(table).queryByRole("columnheader", { name: "Control" })).toBeNull();
    }
  });

  it("say that both arms need threads when a rollout runs", async () => {
    const report = aMetricsReport({
      primaryMetric: "fcr",
      rollout: { continuityShare: 0.5, gate: null },
      metrics: { fcr: { arms: { continuity: aFigure(0.5, 10), control: null } } },
    });
    renderWithClient(metricsClient(serving(report)), <NavBar />);
    await screen.findByTestId("group-outcome");

    const line = screen.getByTestId("no-comparison");
    expect(line.textContent).toContain("Continuity and control both need threads");
    expect(line.textContent).not.toContain("To start one");
    // One arm has figures, so the arm columns stay.
    expect(within(tables()[1]!).getByRole("columnheader", { name: "Control" })).toBeTruthy();
  });

  it("keep the per-row comparison column once any metric has a comparison", async () => {
    const report = aMetricsReport({
      rollout: { continuityShare: 0.5, gate: null },
      metrics: {
        fcr: {
          arms: { continuity: aFigure(0.6, 50), control: aFigure(0.5, 50) },
          comparison: aComparison(),
        },
      },
    });
    renderWithClient(metricsClient(serving(report)), <NavBar />);
    await screen.findByTestId("group-outcome");

    expect(screen.queryByTestId("no-comparison")).toBeNull();
    for (const table of tables())
      expect(within(table).getByRole("columnheader", { name: "Difference, 95% CI" })).toBeTruthy();
  });
});
