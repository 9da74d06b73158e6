import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import NavBar from "../src/locations/NavBar";
import { aComparison, aFigure, aMetricsReport, metricsClient, serving } from "./metrics-factories";
import { renderWithClient } from "./render";

describe("the primary metric", () => {
  it("leads with each arm, the difference, its 95% interval, the method and the randomisation", async () => {
    const report = aMetricsReport({
      primaryMetric: "transfer_rate",
      rollout: { continuityShare: 0.5, gate: null },
      metrics: {
        transfer_rate: {
          value: 0.3,
          n: 200,
          arms: { continuity: aFigure(0.26, 100), control: aFigure(0.34, 100) },
          comparison: aComparison({ difference: -0.08, low: -0.15, high: -0.01 }),
        },
      },
    });
    renderWithClient(metricsClient(serving(report)), <NavBar />);

    const card = await screen.findByTestId("primary-metric");
    expect(within(card).getByRole("heading", { level: 2 }).textContent).toBe(
      "Transferred to a person",
    );
    const arms = within(card)
      .getAllByTestId("primary-arm")
      .map((arm) => arm.textContent);
    expect(arms).toEqual(["Continuity26%n = 100", "Control34%n = 100"]);
    expect(within(card).getByTestId("difference").textContent).toBe("-8 pp");
    expect(within(card).getByTestId("interval").textContent).toBe("95% CI -15 pp to -1 pp");
    expect(within(card).getByTestId("method").textContent).toBe(
      "Interval method: Newcombe–Wilson hybrid score",
    );
    // Fewer transfers is better, and the whole interval is below zero.
    expect(within(card).getByTestId("verdict").textContent).toBe("Better with Continuity");
    expect(within(card).getByTestId("randomisation").textContent).toBe("Randomised");
    expect(within(card).getByTestId("rollout").textContent).toContain(
      "50% of randomised threads get Continuity",
    );

    // First on the page, before the groups.
    const order = screen
      .getAllByTestId(/^(primary-metric|group-fidelity|group-outcome)$/)
      .map((el) => el.dataset.testid);
    expect(order).toEqual(["primary-metric", "group-fidelity", "group-outcome"]);
  });

  it("names Welch's t for a mean and says when the interval includes no difference", async () => {
    const report = aMetricsReport({
      primaryMetric: "aht_minutes",
      rollout: { continuityShare: 0.5, gate: null },
      metrics: {
        aht_minutes: {
          value: 11.5,
          n: 80,
          arms: { continuity: aFigure(10.75, 40), control: aFigure(12.25, 40) },
          comparison: aComparison({
            difference: -1.5,
            low: -3.25,
            high: 0.25,
            method: "welch-t",
          }),
        },
      },
    });
    renderWithClient(metricsClient(serving(report)), <NavBar />);

    const card = await screen.findByTestId("primary-metric");
    expect(within(card).getByTestId("difference").textContent).toBe("-1.5 min");
    expect(within(card).getByTestId("interval").textContent).toBe("95% CI -3.3 min to +0.3 min");
    expect(within(card).getByTestId("method").textContent).toBe("Interval method: Welch's t");
    expect(within(card).getByTestId("verdict").textContent).toBe(
      "The interval includes no difference",
    );
  });

  it("says none is declared when no rollout runs", async () => {
    renderWithClient(metricsClient(serving(aMetricsReport())), <NavBar />);

    const none = await screen.findByTestId("primary-none");
    expect(none.textContent).toContain("No primary metric is declared");
    expect(none.textContent).toContain("No rollout is running");
  });
});
