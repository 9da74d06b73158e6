import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import NavBar from "../src/locations/NavBar";
import { aComparison, aFigure, aMetricsReport, metricsClient, serving } from "./metrics-factories";
import { renderWithClient } from "./render";

const NOT_RANDOMISED =
  "Not randomised: the arms differ by segment (a gated rollout), so the difference mixes the segments' own differences with Continuity's effect";

const unrandomised = aComparison({
  randomised: false,
  label: NOT_RANDOMISED,
  difference: 0.1,
  low: 0.02,
  high: 0.18,
});

describe("a comparison of arms that were not randomised", () => {
  it("is labelled as such on the primary metric and in its group", async () => {
    const report = aMetricsReport({
      primaryMetric: "fcr",
      rollout: { continuityShare: 0.5, gate: { channels: ["email"] } },
      metrics: {
        fcr: {
          arms: { continuity: aFigure(0.7, 50), control: aFigure(0.6, 150) },
          comparison: unrandomised,
        },
        containment: {
          arms: { continuity: aFigure(0.4, 50), control: aFigure(0.3, 150) },
          comparison: unrandomised,
        },
      },
    });
    renderWithClient(metricsClient(serving(report)), <NavBar />);

    const card = await screen.findByTestId("primary-metric");
    expect(within(card).getByTestId("randomisation").textContent).toBe("Not randomised");
    expect(within(card).getByTestId("randomisation-label").textContent).toBe(NOT_RANDOMISED);
    expect(within(card).getByTestId("rollout").textContent).toContain(
      "Randomised only for Channel: Email",
    );

    const outcomes = screen.getByTestId("group-outcome");
    const row = (id: string) => outcomes.querySelector(`[data-metric="${id}"]`) as HTMLElement;
    expect(within(row("fcr")).getByTestId("randomisation").textContent).toBe("Not randomised");
    expect(within(row("containment")).getByTestId("randomisation").textContent).toBe(
      "Not randomised",
    );
    expect(within(outcomes).getByTestId("randomisation-label").textContent).toBe(NOT_RANDOMISED);
  });

  it("leaves a randomised comparison in a group untagged", async () => {
    const report = aMetricsReport({
      metrics: {
        csat: {
          arms: { continuity: aFigure(0.9, 50), control: aFigure(0.8, 50) },
          comparison: aComparison({ difference: 0.1, low: -0.02, high: 0.22 }),
        },
      },
    });
    renderWithClient(metricsClient(serving(report)), <NavBar />);

    const outcomes = await screen.findByTestId("group-outcome");
    expect(within(outcomes).queryByTestId("randomisation")).toBeNull();
    expect(within(outcomes).queryByTestId("randomisation-label")).toBeNull();
  });
});
