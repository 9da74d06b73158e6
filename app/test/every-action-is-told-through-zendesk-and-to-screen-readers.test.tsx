import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { aContext, aWorkflow } from "./factories";
import { renderSidebar } from "./render";
import { zafDouble } from "./zaf-double";

const deciding = aWorkflow({
  status: "waiting_on_human",
  actions: [
    { action: "approve", permitted: true },
    { action: "deny", permitted: true },
  ],
});
const decided = aContext({
  version: 8,
  workflow: aWorkflow({ status: "waiting_on_customer", actions: [] }),
});

function sidebarWithADecision() {
  const client = zafDouble({
    worker: (request) =>
      request.method === "POST"
        ? { status: 200, body: decided }
        : { status: 200, body: aContext({ version: 7, workflow: deciding }) },
  });
  renderSidebar({ client });
  return client;
}

describe("after an action goes through", () => {
  it("Zendesk shows a notice, screen readers hear it, and focus stays in the sidebar", async () => {
    const client = sidebarWithADecision();
    const announcement = await screen.findByTestId("action-announcement");
    expect(announcement.getAttribute("role")).toBe("status");

    await userEvent.click(await screen.findByTestId("action-approve"));

    await waitFor(() =>
      expect(client.invocations).toContainEqual({
        name: "notify",
        args: ["Approved. The workflow has moved on.", "notice"],
      }),
    );
    expect(screen.getByTestId("action-announcement").textContent).toBe(
      "Approved. The workflow has moved on.",
    );
    // The Approve button went away with the decision; focus moves to what happened.
    const told = screen.getByTestId("action-done");
    expect(told.textContent).toBe("Approved. The workflow has moved on.");
    expect(document.activeElement).toBe(told);
  });

  it("a deny is told the same way", async () => {
    const client = sidebarWithADecision();

    await userEvent.click(await screen.findByTestId("action-deny"));
    await userEvent.type(screen.getByTestId("deny-reason"), "Order over the limit");
    await userEvent.click(screen.getByTestId("deny-confirm"));

    await waitFor(() =>
      expect(client.invocations).toContainEqual({
        name: "notify",
        args: ["Denied. Your reason is in the audit trail.", "notice"],
      }),
    );
    expect(document.activeElement).toBe(screen.getByTestId("action-done"));
  });
});
