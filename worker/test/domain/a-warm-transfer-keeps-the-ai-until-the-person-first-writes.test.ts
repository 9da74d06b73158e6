import { describe, expect, it } from "vitest";
import { applyEvents } from "../../src/domain/thread-state";
import { presence, sessionControl } from "../../src/domain/live-session";
import {
  aiLeavesOnFirstMessage,
  holdOf,
  joiningText,
  planTransfer,
} from "../../src/domain/transfer";
import { CONTACT, minutesAfter, threadWith } from "./agent-factories";
import { message, POLICY } from "./factories";
import { DANA, LEE, LIVE, transferred } from "./transfer-factories";

const AT = minutesAfter(30);

describe("a warm transfer keeps the AI in the session until the person first writes", () => {
  it("is the default: control goes to the person, and the AI stays and says who is joining", () => {
    const { plan, state } = transferred(threadWith({}), { to: "human", by: DANA }, AT);
    expect(plan).toMatchObject({ ok: true, wantsAgentRun: false });
    if (!plan.ok) return;
    expect(plan.facts.map((f) => f.type)).toEqual([
      "control.changed",
      "control.transferred",
      "agent.replied",
    ]);
    expect(plan.told).toBe(joiningText("Dana Whitfield"));
    // Only the first name reaches the customer, and they are told nothing needs repeating.
    expect(plan.told).toContain("Dana from our team is joining");
    expect(plan.told).not.toContain("Whitfield");
    expect(plan.told).toContain("can see everything");
    expect(state.control).toBe("human");
    expect(holdOf(state)).toMatchObject({ holder: DANA, mode: "warm", ai: "staying" });
    const { ai, control } = sessionControl(state);
    // When she took it: her sidebar counts how long the customer has waited for her.
    expect(control).toMatchObject({ owner: "human", aiStaying: true, heldSince: AT });
    expect(presence([], ai).map((p) => p.role)).toEqual(["ai"]);
  });

  it("says nothing where the customer is not in a live conversation (email, a call)", () => {
    const plan = planTransfer(
      threadWith({}),
      { requestId: "r1", to: "human", by: DANA, mode: "warm" },
      AT,
      null,
    );
    expect(plan.ok && plan.told).toBe(null);
    expect(plan.ok && plan.facts.some((f) => f.type === "agent.replied")).toBe(false);
  });

  it("the AI leaves with the person's first public message, and only then", () => {
    const { state } = transferred(threadWith({}), { to: "human", by: DANA }, AT, LIVE);
    const customer = message({ contactId: CONTACT, at: minutesAfter(31), author: "customer" });
    const internal = message({
      contactId: CONTACT,
      at: minutesAfter(32),
      author: "agent",
      public: false,
      key: "internal",
      group: "internal",
    });
    expect(aiLeavesOnFirstMessage(state, [customer])).toEqual([]);
    expect(aiLeavesOnFirstMessage(state, [internal])).toEqual([]);
    const reply = message({
      contactId: CONTACT,
      at: minutesAfter(33),
      author: "agent",
      text: "Hi, Dana here.",
    });
    const leaving = aiLeavesOnFirstMessage(state, [reply]);
    expect(leaving).toEqual([
      expect.objectContaining({
        type: "ai.left",
        reason: "first_message",
        key: `${reply.key}:ai-left`,
        group: reply.group,
        part: reply.part + 1,
      }),
    ]);
    const after = applyEvents(state, [reply, ...leaving], POLICY);
    expect(holdOf(after)).toMatchObject({ holder: DANA, ai: "absent" });
    expect(sessionControl(after).ai).toBe(null);
    // Gone, it does not leave again at the next message.
    const next = message({ contactId: CONTACT, at: minutesAfter(34), author: "agent" });
    expect(aiLeavesOnFirstMessage(after, [next])).toEqual([]);
  });

  it("is also what the AI's own handoff leaves: a person claiming it is announced", () => {
    const handedOff = threadWith({ handedOff: "payment_dispute", control: "human" });
    expect(holdOf(handedOff)).toMatchObject({ holder: null, ai: "staying" });
    const { plan, state } = transferred(handedOff, { to: "human", by: DANA }, AT);
    expect(plan.ok && plan.facts.map((f) => f.type)).toEqual([
      "control.transferred",
      "agent.replied",
    ]);
    expect(holdOf(state)).toMatchObject({ holder: DANA, ai: "staying" });
  });

  it("counts the customer's wait from when the person took it, and no longer once it is back with the AI", () => {
    const { state } = transferred(threadWith({}), { to: "human", by: DANA }, AT);
    expect(sessionControl(state).control.heldSince).toBe(AT);
    const later = minutesAfter(40);
    const { state: lee } = transferred(state, { to: "human", by: LEE }, later);
    expect(sessionControl(lee).control).toMatchObject({ holder: LEE, heldSince: later });
    const { state: back } = transferred(lee, { to: "ai", by: LEE }, minutesAfter(45));
    expect(sessionControl(back).control).toMatchObject({ owner: "ai", heldSince: null });
  });
});
