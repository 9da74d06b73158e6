import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { aContext, aWorkflow } from "./factories";
import { renderSidebar } from "./render";
import { writes, zafDouble } from "./zaf-double";

describe("continuing the workflow", () => {
  it("posts the action with the version, ticket and agent, then shows the returned context", async () => {
    const after = aContext({
      version: 8,
      workflow: aWorkflow({ stepNumber: 4, missing: [], status: "waiting_on_human" }),
    });
    const client = zafDouble({
      user: { id: 7, name: "Ana Agent" },
      worker: (request) => ({
        status: 200,
        body: request.method === "POST" ? after : aContext({ version: 7 }),
      }),
    });
    renderSidebar({ client });

    await userEvent.click(await screen.findByTestId("action-continue"));

    await userEvent.click(await screen.findByTestId("confirm-continue-yes"));

    expect(writes(client)).toEqual([
      expect.objectContaining({
        method: "POST",
        path: "/v1/threads/THR-7K2M9QXA/actions",
        body: { action: "continue", expectedVersion: 7, ticketId: "101", actor: "Ana Agent" },
      }),
    ]);
    expect((await screen.findByText("Step 4 of 5")).getAttribute("data-testid")).toBe(
      "workflow-step",
    );
    expect(screen.queryByTestId("missing-slots")).toBeNull();
  });

  it("sends the optional reason with an approval", async () => {
    const workflow = aWorkflow({
      actions: [
        { action: "approve", permitted: true },
        { action: "deny", permitted: true },
      ],
    });
    const client = zafDouble({
      worker: () => ({ status: 200, body: aContext({ workflow }) }),
    });
    renderSidebar({ client });

    await userEvent.click(await screen.findByTestId("action-reason-add"));
    await userEvent.type(await screen.findByTestId("action-reason"), "Within the goodwill limit");
    await userEvent.click(screen.getByTestId("action-approve"));

    expect(writes(client).map((r) => r.body)).toEqual([
      expect.objectContaining({ action: "approve", reason: "Within the goodwill limit" }),
    ]);
  });

  it("falls back to the agent's id when Zendesk gives no name", async () => {
    const client = zafDouble({
      user: { id: 4242 },
      worker: () => ({ status: 200, body: aContext() }),
    });
    renderSidebar({ client });

    await userEvent.click(await screen.findByTestId("action-continue"));

    await userEvent.click(await screen.findByTestId("confirm-continue-yes"));
    expect(writes(client)[0]?.body).toEqual(expect.objectContaining({ actor: "4242" }));
  });
});
