import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import NavBar from "../src/locations/NavBar";
import { aComparison, aFigure, aMetricsReport, metricsClient, serving } from "./metrics-factories";
import { renderWithClient } from "./render";

const report = aMetricsReport({
  primaryMetric: "repetition_rate",
  rollout: { continuityShare: 0.5, gate: null },
  metrics: {
    repetition_rate: {
      value: 0.125,
      n: 1200,
      arms: { continuity: aFigure(0.109, 600), control: aFigure(0.141, 600) },
      comparison: aComparison({ difference: -0.032, low: -0.071, high: 0.007 }),
    },
    aht_minutes: { value: 12.25, n: 1200 },
  },
});

const NBSP = "\u00a0";

async function page(locale: string) {
  renderWithClient(metricsClient(serving(report), { locale }), <NavBar />);
  const card = await screen.findByTestId("primary-metric");
  const row = (id: string) =>
    document.querySelector(`[data-testid="metric-row"][data-metric="${id}"]`) as HTMLElement;
  return {
    card,
    value: (id: string) => within(row(id)).getByTestId("metric-value").textContent,
    n: (id: string) => within(row(id)).getByTestId("metric-n").textContent,
  };
}

describe("figures in the agent's locale", () => {
  it("Spanish: decimal comma, spaced percent sign, points as p. p.", async () => {
    const { card, value, n } = await page("es");

    expect(value("repetition_rate")).toBe(`12,5${NBSP}%`);
    expect(n("repetition_rate")).toBe("1200");
    expect(value("aht_minutes")).toBe("12,3 min");
    expect(within(card).getByTestId("difference").textContent).toBe("-3,2 p. p.");
    expect(within(card).getByTestId("interval").textContent).toBe(
      "IC del 95 %: de -7,1 p. p. a +0,7 p. p.",
    );
    expect(screen.getByRole("heading", { name: "Fidelidad del contexto" })).toBeTruthy();
  });

  it("German: decimal comma, spaced percent sign, points as Pp.", async () => {
    const { card, value, n } = await page("de");

    expect(value("repetition_rate")).toBe(`12,5${NBSP}%`);
    expect(n("repetition_rate")).toBe("1.200");
    expect(within(card).getAllByTestId("primary-arm")[0]!.textContent).toContain(`10,9${NBSP}%`);
    expect(within(card).getByTestId("difference").textContent).toBe("-3,2 Pp.");
    expect(screen.getByRole("heading", { name: "Kontexttreue" })).toBeTruthy();
  });
});
