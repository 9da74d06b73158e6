import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { THREAD_CHANGED } from "../src/hooks/useThreadBroadcast";
import { aContext, aWorkflow } from "./factories";
import { renderSidebar } from "./render";
import { contextReads, zafDouble } from "./zaf-double";

const approving = aWorkflow({
  status: "waiting_on_human",
  missing: [],
  actions: [
    { action: "approve", permitted: true },
    { action: "deny", permitted: true },
  ],
});

describe("sibling sidebars of one thread", () => {
  it("after a write, tells the app's other ticket sidebars which thread changed", async () => {
    const client = zafDouble({
      worker: (request) => ({
        status: 200,
        body:
          request.method === "POST" ? aContext({ version: 8 }) : aContext({ workflow: approving }),
      }),
      instances: [
        { instanceGuid: "sidebar-102", location: "ticket_sidebar", ticketId: 102 },
        { instanceGuid: "nav", location: "nav_bar" },
      ],
    });
    renderSidebar({ client });

    await userEvent.click(await screen.findByTestId("action-approve"));
    await screen.findByTestId("action-done");
    await new Promise((r) => setTimeout(r, 0));

    expect(client.triggered).toEqual([
      { instanceGuid: "sidebar-102", name: THREAD_CHANGED, data: { threadId: "THR-7K2M9QXA" } },
    ]);
  });

  it("re-reads at once when told its thread changed, and ignores other threads", async () => {
    const client = zafDouble({ worker: () => ({ status: 200, body: aContext() }) });
    renderSidebar({ client });
    await screen.findByTestId("next-step");
    expect(contextReads(client)).toHaveLength(1);

    client.emit(THREAD_CHANGED, { threadId: "THR-OTHER" });
    await new Promise((r) => setTimeout(r, 20));
    expect(contextReads(client)).toHaveLength(1);

    client.emit(THREAD_CHANGED, { threadId: "THR-7K2M9QXA" });
    await new Promise((r) => setTimeout(r, 20));
    expect(contextReads(client)).toHaveLength(2);
  });
});
