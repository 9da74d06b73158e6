import { screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { aContext, aWorkflow } from "./factories";
import { renderSidebar } from "./render";
import { contextReads, zafDouble, type Worker } from "./zaf-double";

function setVisibility(state: DocumentVisibilityState) {
  Object.defineProperty(document, "visibilityState", { value: state, configurable: true });
}

afterEach(() => setVisibility("visible"));

/** A thread at offset 12 whose event log head is `head()`; the context follows the head. */
function thread(head: () => number): Worker {
  return (request) => {
    if (request.path.includes("/events")) {
      return {
        status: 200,
        body: { threadId: "THR-7K2M9QXA", events: [], nextAfter: head(), head: head() },
      };
    }
    const offset = head();
    return {
      status: 200,
      body: aContext({ offset, workflow: aWorkflow({ stepNumber: offset > 12 ? 4 : 3 }) }),
    };
  };
}

describe("catching up from the event log", () => {
  it("asks for events after the rendered offset, one row at a time", async () => {
    const client = zafDouble({ worker: thread(() => 12) });
    renderSidebar({ client, pollMs: 30 });

    await waitFor(() => expect(client.requests.some((r) => r.path.includes("/events"))).toBe(true));
    const poll = client.requests.find((r) => r.path.includes("/events"))!;
    expect(poll.path).toBe("/v1/threads/THR-7K2M9QXA/events?after=12&limit=1");
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(contextReads(client)).toHaveLength(1);
  });

  it("re-reads the context when the head has moved past the offset", async () => {
    let head = 12;
    const client = zafDouble({ worker: thread(() => head) });
    renderSidebar({ client, pollMs: 30 });
    await screen.findByText("Step 3 of 5");

    head = 15;
    expect(await screen.findByText("Step 4 of 5")).toBeTruthy();
    await waitFor(() =>
      expect(client.requests.at(-1)?.path).toBe("/v1/threads/THR-7K2M9QXA/events?after=15&limit=1"),
    );
  });

  it("does not poll while the sidebar is hidden", async () => {
    setVisibility("hidden");
    const client = zafDouble({ worker: thread(() => 12) });
    renderSidebar({ client, pollMs: 20 });
    await screen.findByTestId("thread-id");

    await new Promise((resolve) => setTimeout(resolve, 120));
    expect(client.requests.filter((r) => r.path.includes("/events"))).toHaveLength(0);

    setVisibility("visible");
    document.dispatchEvent(new Event("visibilitychange"));
    await waitFor(() => expect(client.requests.some((r) => r.path.includes("/events"))).toBe(true));
  });
});
