import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { aContext, aWorkflow } from "./factories";
import { renderSidebar } from "./render";
import { contextReads, zafDouble, type Worker } from "./zaf-double";
import { playSessionSockets, SessionSocket } from "./session-socket";

playSessionSockets();

const THREAD = "THR-7K2M9QXA";

/** A thread whose head and context follow `head`, with a session token for the asking. */
function thread(state: { head: number }): Worker {
  return (request) => {
    if (request.path.endsWith("/session-tokens"))
      return {
        status: 201,
        body: {
          token: `tok-${state.head}`,
          expiresAt: "2026-03-01T10:05:00.000Z",
          attach: `/v1/threads/${THREAD}/session`,
          head: state.head,
        },
      };
    if (request.path.includes("/events"))
      return {
        status: 200,
        body: { threadId: THREAD, events: [], nextAfter: state.head, head: state.head },
      };
    return {
      status: 200,
      body: aContext({
        offset: state.head,
        workflow: aWorkflow({ stepNumber: state.head > 12 ? 4 : 3 }),
      }),
    };
  };
}

const fact = (offset: number, type: string) => ({
  type: "event",
  offset,
  recordedAt: "2026-03-01T10:00:00.000Z",
  event: { type, key: `k${offset}`, group: "g", part: 0, at: "2026-03-01T10:00:00.000Z" },
});

async function attached() {
  await waitFor(() => expect(SessionSocket.made).toHaveLength(1));
  return SessionSocket.made[0]!;
}

describe("the sidebar in the thread's live session", () => {
  it("attaches from the rendered offset with a token asked through Zendesk's proxy", async () => {
    const client = zafDouble({ sessions: true, worker: thread({ head: 12 }) });
    renderSidebar({ client });
    const socket = await attached();

    const asked = client.requests.find((r) => r.path.endsWith("/session-tokens"))!;
    expect(asked).toMatchObject({ method: "POST", path: `/v1/threads/${THREAD}/session-tokens` });
    expect(socket.url).toBe(
      `wss://continuity.example.workers.dev/v1/threads/${THREAD}/session?token=tok-12&after=12`,
    );
  });

  it("re-reads the thread when a fact arrives, once per offset, and not for someone arriving", async () => {
    const state = { head: 12 };
    const client = zafDouble({ sessions: true, worker: thread(state) });
    renderSidebar({ client });
    await screen.findByText("Step 3 of 5");
    const socket = await attached();
    socket.open();

    state.head = 13;
    socket.say(fact(13, "workflow.step_completed"));
    expect(await screen.findByText("Step 4 of 5")).toBeTruthy();
    const reads = contextReads(client).length;

    socket.say(fact(13, "workflow.step_completed"));
    socket.say(fact(14, "participant.joined"));
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(contextReads(client)).toHaveLength(reads);
  });

  it("shows who is in the session, the agent marked as themselves", async () => {
    const client = zafDouble({ sessions: true, worker: thread({ head: 12 }) });
    renderSidebar({ client });
    const socket = await attached();
    socket.open();
    socket.say({
      type: "presence",
      participants: [
        { role: "customer", participantId: "contact-1", label: "web chat, phone", since: "a" },
        { role: "agent", participantId: "Alex Agent", label: "sidebar", since: "b" },
        { role: "supervisor", participantId: "Sam Lead", label: "sidebar", since: "c" },
      ],
    });

    const rows = within(await screen.findByTestId("presence")).getAllByTestId("participant");
    expect(rows.map((r) => r.getAttribute("data-role"))).toEqual([
      "customer",
      "agent",
      "supervisor",
    ]);
    expect(rows[0]!.textContent).toContain("web chat, phone");
    expect(rows[1]!.textContent).toContain("Zendesk sidebar");
    expect(rows[2]!.textContent).toContain("Supervisor");
  });

  it("rests polling while attached, polls while dropped, and attaches again from the last offset", async () => {
    const state = { head: 12 };
    const client = zafDouble({ sessions: true, worker: thread(state) });
    renderSidebar({ client, pollMs: 30 });
    const socket = await attached();
    socket.open();
    socket.say(fact(13, "participant.joined"));
    const polls = () => client.requests.filter((r) => r.path.includes("/events")).length;
    const before = polls();
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(polls()).toBe(before);

    socket.drop();
    await waitFor(() => expect(polls()).toBeGreaterThan(before));
    await waitFor(() => expect(SessionSocket.made).toHaveLength(2), { timeout: 3000 });
    expect(SessionSocket.made[1]!.url).toContain("after=13");
  });
});
