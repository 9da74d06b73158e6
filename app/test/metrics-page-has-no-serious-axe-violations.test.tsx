import { screen } from "@testing-library/react";
import axe from "axe-core";
import { describe, expect, it } from "vitest";
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

/** Everything at once: a primary metric, a not-randomised comparison, no-data cells, charts. */
const report = aMetricsReport({
  primaryMetric: "transfer_rate",
  rollout: { continuityShare: 0.5, gate: { tiers: ["gold"] } },
  metrics: {
    transfer_rate: {
      arms: { continuity: aFigure(0.2, 50), control: aFigure(0.3, 50) },
      comparison: aComparison({ randomised: false }),
    },
    csat: { value: null, n: 0 },
  },
});

describe("accessibility", () => {
  it("leaves no serious or critical axe violations on the metrics page", async () => {
    renderWithClient(
      metricsClient(
        serving(report, {
          breakdowns: {
            day: [aBreakdownRow("2026-06-02", { transfer_rate: { value: 0.2, n: 10 } })],
            channel: [aBreakdownRow("email", { transfer_rate: { value: 0.2, n: 10 } })],
          },
        }),
      ),
      <NavBar />,
    );
    await screen.findByTestId("breakdown");

    // jsdom has no layout, so contrast is left to the Chromium run.
    const results = await axe.run(document.body, {
      rules: { "color-contrast": { enabled: false } },
    });
    const serious = results.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
    expect(serious).toEqual([]);
  });
});
