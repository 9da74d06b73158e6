import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { aContext } from "./factories";
import { aMetricsReport, metricsClient, serving } from "./metrics-factories";
import { renderApp } from "./render";
import { zafDouble } from "./zaf-double";

describe("locations", () => {
  it("renders the sidebar in ticket_sidebar", async () => {
    renderApp(
      zafDouble({ location: "ticket_sidebar", worker: () => ({ status: 200, body: aContext() }) }),
    );

    expect((await screen.findByTestId("thread-id")).textContent).toBe("THR-7K2M9QXA");
  });

  it("renders the metrics page in nav_bar, reading the Worker's metrics API", async () => {
    const client = metricsClient(serving(aMetricsReport()));
    renderApp(client);

    await screen.findByTestId("navbar");
    expect(screen.getByRole("heading", { name: "Continuity metrics" })).toBeTruthy();
    expect(await screen.findByTestId("group-outcome")).toBeTruthy();
    // The metrics report and the Help Center figures beside it: the metrics API only.
    expect(client.requests.every((r) => r.path.startsWith("/v1/metrics"))).toBe(true);
  });

  it("says so in a location it has nothing for", async () => {
    renderApp(zafDouble({ location: "organization_sidebar" }));

    expect(
      await screen.findByText("Continuity has nothing to show in this part of Zendesk."),
    ).toBeTruthy();
  });
});
