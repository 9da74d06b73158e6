import { screen, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { TICKET_EVENTS } from "../src/hooks/useLiveUpdates";
import { aContext, aWorkflow } from "./factories";
import { renderSidebar } from "./render";
import { contextReads, zafDouble } from "./zaf-double";

describe("changes to the ticket in Zendesk", () => {
  it("subscribes to the ticket events that can move the thread", async () => {
    const { client } = renderSidebar({ context: aContext() });

    await screen.findByTestId("thread-id");
    for (const name of [
      "ticket.updated",
      "ticket.status.changed",
      "ticket.assignee.user.changed",
      "ticket.assignee.group.changed",
      "ticket.comments.changed",
      "ticket.submit.done",
    ]) {
      expect(client.subscribed(name), name).toBe(1);
    }
  });

  it("re-read the context once for a burst of events", async () => {
    let stepNumber = 3;
    const client = zafDouble({
      worker: () => ({ status: 200, body: aContext({ workflow: aWorkflow({ stepNumber }) }) }),
    });
    renderSidebar({ client });
    await screen.findByText("Step 3 of 5");

    stepNumber = 4;
    client.emit("ticket.comments.changed");
    client.emit("ticket.updated");
    client.emit("ticket.submit.done");

    expect(await screen.findByText("Step 4 of 5", {}, { timeout: 2000 })).toBeTruthy();
    expect(contextReads(client)).toHaveLength(2);
  });

  it("unsubscribe when the sidebar goes away", async () => {
    const { client, unmount } = renderSidebar({ context: aContext() });
    await screen.findByTestId("thread-id");

    unmount();
    await waitFor(() =>
      expect(TICKET_EVENTS.map((name) => client.subscribed(name))).toEqual(
        TICKET_EVENTS.map(() => 0),
      ),
    );
  });
});
