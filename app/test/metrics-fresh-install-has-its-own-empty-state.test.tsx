import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { METRIC_IDS } from "../../worker/src/domain/metrics/catalog";
import NavBar from "../src/locations/NavBar";
import {
  aMetricsReport,
  metricsClient,
  metricsRequests,
  queryOf,
  serving,
} from "./metrics-factories";
import { renderWithClient } from "./render";

const empty = aMetricsReport({
  metrics: Object.fromEntries(METRIC_IDS.map((id) => [id, { value: null, n: 0, numerator: 0 }])),
});

describe("an empty metrics page", () => {
  it("on a fresh install explains how threads get counted, and asks to clear nothing", async () => {
    renderWithClient(metricsClient(serving(empty)), <NavBar />);

    const fresh = await screen.findByTestId("metrics-fresh");
    expect(fresh.textContent).toContain("No threads counted yet");
    expect(fresh.textContent).toContain("once a customer writes");
    expect(fresh.textContent).not.toMatch(/filter/i);
    expect(screen.queryByTestId("metrics-empty")).toBeNull();
    expect(screen.queryByRole("button", { name: "Clear filters" })).toBeNull();
  });

  it("with a filter set suggests clearing it, and clearing brings the figures back", async () => {
    const withData = serving(aMetricsReport());
    const client = metricsClient((query) => (query.arm ? serving(empty)(query) : withData(query)));
    renderWithClient(client, <NavBar />);
    await screen.findByTestId("group-outcome");

    await userEvent.selectOptions(screen.getByTestId("filter-arm"), "control");

    const filtered = await screen.findByTestId("metrics-empty");
    expect(filtered.textContent).toContain("clear a filter");
    expect(screen.queryByTestId("metrics-fresh")).toBeNull();

    await userEvent.click(screen.getByRole("button", { name: "Clear filters" }));

    expect(await screen.findByTestId("group-outcome")).toBeTruthy();
    expect((screen.getByTestId("filter-arm") as HTMLSelectElement).value).toBe("");
    await waitFor(() => expect(queryOf(metricsRequests(client).at(-1)!).arm).toBeUndefined());
  });
});
