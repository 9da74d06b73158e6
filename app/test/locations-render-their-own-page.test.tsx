import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { aContext } from "./factories";
import { renderApp } from "./render";
import { zafDouble } from "./zaf-double";

describe("locations", () => {
  it("renders the sidebar in ticket_sidebar", async () => {
    renderApp(
      zafDouble({ location: "ticket_sidebar", worker: () => ({ status: 200, body: aContext() }) }),
    );

    expect((await screen.findByTestId("thread-id")).textContent).toBe("THR-7K2M9QXA");
  });

  it("renders the metrics placeholder in nav_bar, with no numbers", async () => {
    const client = zafDouble({ location: "nav_bar" });
    renderApp(client);

    const page = await screen.findByTestId("navbar");
    expect(screen.getByRole("heading", { name: "Continuity metrics" })).toBeTruthy();
    expect(page.textContent).toContain("Metrics arrive with the rollout report.");
    expect(page.textContent).not.toMatch(/\d/);
    expect(client.requests).toHaveLength(0);
  });

  it("says so in a location it has nothing for", async () => {
    renderApp(zafDouble({ location: "organization_sidebar" }));

    expect(
      await screen.findByText("Continuity has nothing to show in this part of Zendesk."),
    ).toBeTruthy();
  });
});
