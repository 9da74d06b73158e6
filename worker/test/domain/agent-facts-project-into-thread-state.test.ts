import { describe, expect, it } from "vitest";
import type { ThreadEvent, UnplacedEvent } from "../../src/domain/thread-events";
import { CONTACT, held, minutesAfter, threadFacts } from "./agent-factories";
import { projected } from "./factories";

/** Facts after the thread's setup, one minute apart, in the order given. */
function withFacts(...facts: UnplacedEvent[]) {
  const placed = facts.map(
    (fact, i) =>
      ({ key: `t#${i}`, group: "t", part: i, ...fact, at: minutesAfter(i + 1) }) as ThreadEvent,
  );
  return projected([...threadFacts({ level: "medium" }), ...placed]);
}
const at = minutesAfter(0);
const requested: UnplacedEvent = {
  type: "verification.requested",
  at,
  contactId: CONTACT,
  channel: "messaging",
  codeHash: "otp-hash-1",
  expiresAt: minutesAfter(10),
  attempts: 3,
};
const wrong: UnplacedEvent = {
  type: "verification.failed",
  at,
  contactId: CONTACT,
  reason: "wrong_code",
};

describe("agent facts project into the thread's state", () => {
  it("slots.filled merges into the held slots", () => {
    const state = withFacts(
      { type: "slots.filled", at, slots: held({ order_id: "W1" }), source: "rules" },
      { type: "slots.filled", at, slots: held({ items: "Mug" }, minutesAfter(2)), source: "model" },
    );
    expect(Object.keys(state.slots).sort()).toEqual(["items", "order_id"]);
  });

  it("a workflow starts once; a second start is ignored", () => {
    const state = withFacts(
      { type: "workflow.started", at, workflow: "refund", version: 1, reason: "rules" },
      { type: "workflow.started", at, workflow: "order_status", version: 1, reason: "rules" },
    );
    expect(state.workflow).toMatchObject({ id: "refund", completed: {}, denied: null });
    expect(state.timeline.filter((e) => e.kind === "workflow")).toHaveLength(1);
  });

  it("a step completes once, and a person completing it ends the handoff it called for", () => {
    const start: UnplacedEvent = {
      type: "workflow.started",
      at,
      workflow: "replacement",
      version: 1,
      reason: "rules",
    };
    const handedOff: UnplacedEvent = {
      type: "agent.handed_off",
      at,
      code: "needs_person",
      reason: "approve the replacement needs a person",
    };
    const byHuman = withFacts(start, handedOff, {
      type: "workflow.step_completed",
      at,
      stepId: "approve_replacement",
      by: "human",
      outcome: "approved",
    });
    expect(byHuman.workflow?.completed.approve_replacement).toMatchObject({ by: "human" });
    expect(byHuman.agent.handoff).toBeNull();

    const byAi = withFacts(
      start,
      handedOff,
      {
        type: "workflow.step_completed",
        at,
        stepId: "approve_replacement",
        by: "ai",
        outcome: "x",
      },
      {
        type: "workflow.step_completed",
        at,
        stepId: "approve_replacement",
        by: "human",
        outcome: "y",
      },
    );
    expect(byAi.workflow?.completed.approve_replacement?.outcome).toBe("x");
    expect(byAi.agent.handoff?.code).toBe("needs_person");
  });

  it("a denial is recorded once", () => {
    const state = withFacts(
      { type: "workflow.started", at, workflow: "refund", version: 1, reason: "rules" },
      { type: "workflow.step_denied", at, stepId: "back_end_check", by: "human:A", reason: "used" },
      { type: "workflow.step_denied", at, stepId: "issue_refund", by: "human:B", reason: "other" },
    );
    expect(state.workflow?.denied).toMatchObject({ stepId: "back_end_check", reason: "used" });
  });

  it("a code request is pending with its attempts; each wrong code uses one", () => {
    expect(withFacts(requested).verification.pending).toMatchObject({
      contactId: CONTACT,
      codeHash: "otp-hash-1",
      attemptsLeft: 3,
      expiresAt: minutesAfter(10),
      requestedAt: minutesAfter(1),
    });
    const twice = withFacts(requested, wrong, wrong);
    expect(twice.verification.pending?.attemptsLeft).toBe(1);
    expect(twice.verification.failures).toHaveLength(2);
    expect(withFacts(requested, wrong, wrong, wrong).verification.pending).toBeNull();
  });

  it("an expired code leaves nothing pending; a pass clears only that contact's code", () => {
    expect(withFacts(requested, { ...wrong, reason: "expired" }).verification.pending).toBeNull();
    const otherPassed = withFacts(requested, {
      type: "verification.passed",
      at,
      contactId: "ticket:101",
      method: "otp",
      passedAt: at,
    });
    expect(otherPassed.verification.pending?.codeHash).toBe("otp-hash-1");
    const passed = withFacts(requested, {
      type: "verification.passed",
      at,
      contactId: CONTACT,
      method: "otp",
      passedAt: minutesAfter(2),
    });
    expect(passed.verification.pending).toBeNull();
    expect(passed.contacts[0]?.resolution.level).toBe("high");
  });

  it("a risk is flagged once per contact", () => {
    const flag: UnplacedEvent = {
      type: "risk.flagged",
      at,
      flag: "verification_failed",
      reason: "wrong code",
      contactId: CONTACT,
    };
    const state = withFacts(flag, flag, { ...flag, contactId: "ticket:101" });
    expect(state.riskFlags.map((f) => [f.flag, f.contactId])).toEqual([
      ["verification_failed", CONTACT],
      ["verification_failed", "ticket:101"],
    ]);
  });

  it("replies are kept (the newest twenty) and shown on the timeline", () => {
    const reply = (i: number): UnplacedEvent => ({
      type: "agent.replied",
      at,
      contactId: CONTACT,
      channel: "messaging",
      text: `reply ${i}`,
      delivery: i % 2 ? "draft" : "messaging",
      purpose: "answer",
    });
    const state = withFacts(...Array.from({ length: 25 }, (_, i) => reply(i)));
    expect(state.agent.replies).toHaveLength(20);
    expect(state.agent.replies.at(-1)?.text).toBe("reply 24");
    expect(state.agent.replies[0]?.text).toBe("reply 5");
    expect(state.timeline.at(-2)?.text).toBe("AI agent (draft): reply 23");
  });

  it("a handoff stays until control returns to the agent", () => {
    const handedOff: UnplacedEvent = {
      type: "agent.handed_off",
      at,
      code: "suspected_takeover",
      reason: "takeover",
    };
    const toHuman: UnplacedEvent = { type: "control.changed", at, owner: "human", reason: "stop" };
    const withPerson = withFacts(handedOff, toHuman);
    expect(withPerson.agent.handoff?.code).toBe("suspected_takeover");
    expect(withPerson.control).toBe("human");
    const back = withFacts(handedOff, toHuman, {
      type: "control.changed",
      at,
      owner: "ai",
      reason: "handed back",
    });
    expect(back.agent.handoff).toBeNull();
  });

  it("the agent's cursor only moves forward", () => {
    const state = withFacts(
      { type: "agent.run_completed", at, upTo: 12, provider: "rules" },
      { type: "agent.run_completed", at, upTo: 9, provider: "rules" },
    );
    expect(state.agent.processedOffset).toBe(12);
  });
});
