import { act, renderHook, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { WAITING_REMINDER_MINUTES } from "../src/components/ConversationControl";
import { useMinutesSince } from "../src/hooks/useMinutesSince";
import { renderSidebar } from "./render";
import { attachedSocket, playSessionSockets, sessionWorker } from "./session-socket";
import { zafDouble } from "./zaf-double";

playSessionSockets();
afterEach(() => vi.useRealTimers());

const ANA = { role: "agent", participantId: "Ana Agent", name: "Ana Agent" };
const LEE = { role: "supervisor", participantId: "Lee Park", name: "Lee Park" };
const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();

/** Who has the conversation, as the session tells it; the AI is still there in a warm one. */
const control = (
  holder: typeof ANA,
  fields: { aiStaying: boolean; heldSince: string | null; owner?: string },
) => ({
  type: "presence",
  participants: [{ role: "ai", participantId: "ai", label: "AI agent", since: "a" }],
  control: { owner: fields.owner ?? "human", holder, mode: "warm", ...fields },
});

async function attachedPanel() {
  renderSidebar({ client: zafDouble({ sessions: true, worker: sessionWorker }) });
  return attachedSocket();
}

describe("a person who took the conversation warm and has not written", () => {
  it("is reminded once the customer has waited, with how long, and no more once they have written", async () => {
    const socket = await attachedPanel();
    socket.say(control(ANA, { aiStaying: true, heldSince: minutesAgo(0) }));
    const panel = await screen.findByTestId("conversation-control");
    expect(within(panel).queryByTestId("control-customer-waiting")).toBeNull();

    socket.say(control(ANA, { aiStaying: true, heldSince: minutesAgo(WAITING_REMINDER_MINUTES) }));
    expect(within(panel).getByTestId("control-customer-waiting").textContent).toBe(
      `The customer has waited ${WAITING_REMINDER_MINUTES} minutes since you took the conversation. Write to them, or hand it back to the AI.`,
    );

    // Her first message to the customer: the AI leaves, and there is nothing to remind of.
    socket.say(control(ANA, { aiStaying: false, heldSince: minutesAgo(6) }));
    expect(within(panel).queryByTestId("control-customer-waiting")).toBeNull();
  });

  it("comes with the clock, not with a new message: the minutes are kept current while shown", () => {
    vi.useFakeTimers({ toFake: ["setInterval", "Date"], now: Date.parse("2026-03-01T10:00:00Z") });
    const { result } = renderHook(() => useMinutesSince("2026-03-01T10:00:00Z"));
    expect(result.current).toBe(0);
    act(() => vi.advanceTimersByTime(WAITING_REMINDER_MINUTES * 60_000));
    expect(result.current).toBe(WAITING_REMINDER_MINUTES);
    act(() => vi.advanceTimersByTime(3 * 60_000 + 30_000));
    expect(result.current).toBe(WAITING_REMINDER_MINUTES + 3);
  });

  it("is not shown to anyone else, nor in a cold transfer, nor while the AI has it", async () => {
    const socket = await attachedPanel();
    const long = minutesAgo(30);
    socket.say(control(LEE, { aiStaying: true, heldSince: long }));
    const panel = await screen.findByTestId("conversation-control");
    expect(within(panel).getByTestId("control-holder").textContent).toBe(
      "Lee Park (supervisor) has the conversation.",
    );
    expect(within(panel).queryByTestId("control-customer-waiting")).toBeNull();
    socket.say(control(ANA, { aiStaying: false, heldSince: long }));
    expect(within(panel).getByTestId("control-holder").textContent).toBe(
      "You have the conversation.",
    );
    expect(within(panel).queryByTestId("control-customer-waiting")).toBeNull();
    socket.say(control(ANA, { aiStaying: true, heldSince: long }));
    expect(within(panel).getByTestId("control-customer-waiting")).toBeTruthy();
  });
});
