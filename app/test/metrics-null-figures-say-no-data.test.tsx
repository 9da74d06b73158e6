import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import NavBar from "../src/locations/NavBar";
import { aMetricsReport, metricsClient, serving } from "./metrics-factories";
import { renderWithClient } from "./render";

describe("figures without data", () => {
  it("say no data yet instead of a zero, a dash or NaN", async () => {
    const report = aMetricsReport({
      primaryMetric: "csat",
      rollout: { continuityShare: 0.5, gate: null },
      metrics: {
        csat: { value: null, n: 0, numerator: 0 },
        retriage_minutes: { value: null, n: 0, numerator: 0 },
      },
    });
    renderWithClient(metricsClient(serving(report)), <NavBar />);

    const card = await screen.findByTestId("primary-metric");
    expect(
      within(card)
        .getAllByTestId("no-data")
        .map((el) => el.textContent),
    ).toEqual(["No data yet", "No data yet", "No comparison yet"]);

    for (const id of ["csat", "retriage_minutes"]) {
      const row = document.querySelector(`[data-testid="metric-row"][data-metric="${id}"]`)!;
      expect(within(row as HTMLElement).getByTestId("metric-value").textContent).toBe(
        "No data yet",
      );
      expect(within(row as HTMLElement).getByTestId("metric-n").textContent).toBe("0");
      expect(row.textContent).not.toMatch(/NaN|%|min/);
    }
    // Metrics that have data still show their value.
    const fcr = document.querySelector('[data-testid="metric-row"][data-metric="fcr"]')!;
    expect(within(fcr as HTMLElement).getByTestId("metric-value").textContent).toBe("25%");
  });
});
