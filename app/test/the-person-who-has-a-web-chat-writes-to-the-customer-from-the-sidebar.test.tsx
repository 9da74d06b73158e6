import { act, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { aContext } from "./factories";
import { renderSidebar } from "./render";
import { writes, zafDouble, type Reply, type SeenRequest } from "./zaf-double";
import { playSessionSockets, SessionSocket } from "./session-socket";

playSessionSockets();

const THREAD = "THR-7K2M9QXA";
const WEB = { id: "WEB-abc", channel: "web_chat" as const, current: false, chatPage: true };

function workerWith(chatPage: boolean, chatMessages: Reply) {
  return (request: SeenRequest): Reply => {
    if (request.path.endsWith("/session-tokens"))
      return {
        status: 201,
        body: { token: "tok", expiresAt: "x", attach: `/v1/threads/${THREAD}/session`, head: 12 },
      };
    if (request.path.endsWith("/chat-messages")) return chatMessages;
    return {
      status: 200,
      body: aContext({ workflow: null, control: "human", sessions: [{ ...WEB, chatPage }] }),
    };
  };
}

/** The live session says who has the conversation. */
async function heldBy(participantId: string) {
  await waitFor(() => expect(SessionSocket.made).toHaveLength(1));
  const socket = SessionSocket.made[0]!;
  act(() => socket.onopen?.());
  socket.say({
    type: "presence",
    participants: [{ role: "agent", participantId, label: "sidebar", since: "b" }],
    control: {
      owner: "human",
      holder: { role: "agent", participantId, name: participantId },
      mode: "warm",
      aiStaying: true,
    },
  });
  return screen.findByTestId("conversation-control");
}

describe("writing to a web chat customer from the sidebar", () => {
  it("sends what the person who has the conversation wrote, once per message, and clears it", async () => {
    const client = zafDouble({
      sessions: true,
      worker: workerWith(true, { status: 202, body: { accepted: 1, duplicates: 0 } }),
    });
    renderSidebar({ client });
    const panel = await heldBy("Ana Agent");
    const input = within(panel).getByRole("textbox", {
      name: "Write to the customer on the web chat",
    });
    await userEvent.click(input);
    await userEvent.paste("Hi, Ana here.");
    await userEvent.click(within(panel).getByRole("button", { name: "Send to the customer" }));
    await waitFor(() => expect(writes(client)).toHaveLength(1));
    const sent = writes(client)[0]!;
    expect(sent.path).toBe(`/v1/threads/${THREAD}/chat-messages`);
    // Her name goes with it: the customer is shown her first name.
    expect(sent.body).toMatchObject({
      text: "Hi, Ana here.",
      ticketId: expect.any(String),
      name: "Ana Agent",
    });
    expect((sent.body as { id: string }).id).toMatch(/^[0-9a-f-]{36}$/);
    await waitFor(() => expect((input as HTMLTextAreaElement).value).toBe(""));
  });

  it("keeps the words when sending fails, and says so", async () => {
    const client = zafDouble({
      sessions: true,
      worker: workerWith(true, { status: 503, body: { error: { code: "queue_unavailable" } } }),
    });
    renderSidebar({ client });
    const panel = await heldBy("Ana Agent");
    const input = within(panel).getByRole("textbox");
    await userEvent.click(input);
    await userEvent.paste("Hi, Ana here.");
    await userEvent.click(within(panel).getByRole("button", { name: "Send to the customer" }));
    expect(await screen.findByText(/Sending your message/)).toBeTruthy();
    expect((input as HTMLTextAreaElement).value).toBe("Hi, Ana here.");
  });

  it("is offered only to the person who has it, and only for a conversation on the chat page", async () => {
    const someoneElse = zafDouble({ sessions: true, worker: workerWith(true, { status: 202 }) });
    const { unmount } = renderSidebar({ client: someoneElse });
    expect(within(await heldBy("Dana Whitfield")).queryByRole("textbox")).toBeNull();
    unmount();
    SessionSocket.made = [];
    const noChatPage = zafDouble({ sessions: true, worker: workerWith(false, { status: 202 }) });
    renderSidebar({ client: noChatPage });
    expect(within(await heldBy("Ana Agent")).queryByRole("textbox")).toBeNull();
  });
});
