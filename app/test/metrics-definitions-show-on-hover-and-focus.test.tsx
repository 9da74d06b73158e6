import { act, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { METRIC_IDS } from "../../worker/src/domain/metrics/catalog";
import NavBar from "../src/locations/NavBar";
import { aMetricsReport, metricsClient, serving } from "./metrics-factories";
import { renderWithClient } from "./render";

const nameOf = (id: string) =>
  within(
    document.querySelector(`[data-testid="metric-row"][data-metric="${id}"]`) as HTMLElement,
  ).getByTestId("metric-name");

/** The text the name's aria-describedby points at: the tooltip, shown or not. */
const descriptionOf = (name: HTMLElement) =>
  document.getElementById(name.getAttribute("aria-describedby") ?? "")?.textContent;

describe("metric definitions", () => {
  it("describe every metric with its definition and which direction is good", async () => {
    renderWithClient(metricsClient(serving(aMetricsReport())), <NavBar />);
    await screen.findByTestId("group-outcome");

    for (const id of METRIC_IDS) {
      const description = descriptionOf(nameOf(id));
      expect(description, id).toMatch(/\w{3,}.* (Higher|Lower) is better\.$/);
    }
    expect(descriptionOf(nameOf("transfer_rate"))).toBe(
      "Share of threads a person touched: the AI agent handed off, or control went to a person. Lower is better.",
    );
    expect(descriptionOf(nameOf("csat"))).toContain("Higher is better.");
  });

  it("show on keyboard focus and on hover", async () => {
    renderWithClient(metricsClient(serving(aMetricsReport())), <NavBar />);
    await screen.findByTestId("group-outcome");

    const fcr = nameOf("fcr");
    expect(fcr.tabIndex).toBe(0);
    act(() => fcr.focus());
    const shown = await screen.findByRole("tooltip");
    expect(shown.textContent).toBe(
      "Share of resolved threads that had exactly one contact. Higher is better.",
    );
    act(() => fcr.blur());
    await waitFor(() => expect(screen.queryByRole("tooltip")).toBeNull());

    await userEvent.hover(nameOf("aht_minutes"));
    expect((await screen.findByRole("tooltip")).textContent).toMatch(
      /^Minutes from when a person first had a resolved thread .* Lower is better\.$/,
    );
  });
});
