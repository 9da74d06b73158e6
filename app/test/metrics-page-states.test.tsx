import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { METRIC_IDS } from "../../worker/src/domain/metrics/catalog";
import NavBar from "../src/locations/NavBar";
import { aMetricsReport, metricsClient, serving } from "./metrics-factories";
import { renderWithClient } from "./render";
import { zafDouble } from "./zaf-double";

const nothing = Object.fromEntries(
  METRIC_IDS.map((id) => [id, { value: null, n: 0, numerator: 0 }]),
);

describe("the metrics page's states", () => {
  it("shows the page's shape while the figures load", async () => {
    renderWithClient(
      metricsClient(() => new Promise(() => {}) as never),
      <NavBar />,
    );

    expect((await screen.findByTestId("metrics-loading")).getAttribute("aria-busy")).toBe("true");
  });

  it("says the window is empty when no thread counted, without tables or charts", async () => {
    renderWithClient(metricsClient(serving(aMetricsReport({ metrics: nothing }))), <NavBar />);

    // No filter is set, so this is the fresh-install state (its own test covers the difference).
    const empty = await screen.findByTestId("metrics-fresh");
    expect(empty.textContent).toContain("No threads counted yet");
    expect(empty.textContent).toContain("between Jun 1, 2026 and Jun 30, 2026");
    expect(screen.queryByTestId("group-fidelity")).toBeNull();
    expect(screen.queryByTestId("charts")).toBeNull();
  });

  it("explains a failure and loads the figures on retry", async () => {
    let failing = true;
    const ok = serving(aMetricsReport());
    const client = metricsClient((query) => (failing ? { status: 502 } : ok(query)));
    renderWithClient(client, <NavBar />);

    const error = await screen.findByTestId("metrics-error");
    expect(error.textContent).toContain("The Continuity Worker answered with an error (502).");
    failing = false;
    await userEvent.click(screen.getByRole("button", { name: "Retry" }));

    expect(await screen.findByTestId("group-outcome")).toBeTruthy();
    expect(screen.queryByTestId("metrics-error")).toBeNull();
  });

  it("asks for setup when the Worker URL is empty, and calls nothing", async () => {
    const client = zafDouble({ location: "nav_bar", workerUrl: null });
    renderWithClient(client, <NavBar />);

    expect(await screen.findByTestId("metrics-unconfigured")).toBeTruthy();
    expect(client.requests).toEqual([]);
  });
});
