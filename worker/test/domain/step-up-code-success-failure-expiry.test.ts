import { afterEach, describe, expect, it, vi } from "vitest";
import { CODE_EXPIRED, handoff, RESET_LINK, sentCode } from "../../src/domain/agent/replies";
import type { ThreadEvent } from "../../src/domain/thread-events";
import type { ThreadState } from "../../src/domain/thread-state";
import {
  completedSteps,
  found,
  order,
  CONTACT,
  CONVERSATION,
  customerSays,
  factsOf,
  minutesAfter,
  NEW_CODE_HASH,
  replyOf,
  replyText,
  threadWith,
  typesOf,
} from "./agent-factories";
import { T0 } from "./factories";

/** A medium customer asks for a password reset: the agent sends a code at minute 1. */
function codeSent(): ThreadState {
  const { after } = customerSays(threadWith({ level: "medium" }), "I forgot my password", {
    at: minutesAfter(1),
  });
  return after;
}

const wrong = (state: ThreadState, minute: number) =>
  customerSays(state, "It's 111111", { at: minutesAfter(minute), codeAttempt: "otp-hash-wrong" });

afterEach(() => {
  vi.useRealTimers();
});

describe("step-up verification by one-time code (issue 3)", () => {
  describe("requesting a code", () => {
    it("records the code's hash, a 10-minute expiry in event time and 3 attempts", () => {
      const { plan, after } = customerSays(
        threadWith({ level: "medium" }),
        "I forgot my password",
        {
          at: minutesAfter(1),
        },
      );
      expect(factsOf(plan, "verification.requested")).toEqual([
        expect.objectContaining({
          contactId: CONTACT,
          channel: "messaging",
          codeHash: NEW_CODE_HASH,
          expiresAt: minutesAfter(11),
          attempts: 3,
        }),
      ]);
      expect(plan.outbound).toContainEqual({
        kind: "code",
        via: "messaging",
        conversationId: CONVERSATION,
      });
      expect(replyText(plan)).toBe(sentCode("message"));
      expect(replyOf(plan)?.purpose).toBe("verification");
      expect(plan.decisions.verificationPrompt).toBe(true);
      expect(after.verification.pending).toMatchObject({
        contactId: CONTACT,
        codeHash: NEW_CODE_HASH,
        attemptsLeft: 3,
        expiresAt: minutesAfter(11),
      });
    });

    it("the expiry is measured from the message, not from the clock at processing", () => {
      vi.useFakeTimers({ toFake: ["Date"] });
      vi.setSystemTime(new Date("2031-01-01T00:00:00Z"));
      const { plan } = customerSays(threadWith({ level: "medium" }), "I forgot my password", {
        at: minutesAfter(1),
      });
      expect(factsOf(plan, "verification.requested")[0]?.expiresAt).toBe(minutesAfter(11));
    });

    it("goes by the ticket when there is no messaging conversation", () => {
      const { plan } = customerSays(threadWith({ level: "medium" }), "I forgot my password", {
        delivery: { conversationId: null, ticketId: "101" },
      });
      expect(plan.outbound).toContainEqual({ kind: "code", via: "ticket_public", ticketId: "101" });
      expect(replyText(plan)).toBe(sentCode("email"));
    });

    it("a code still valid is not sent again: the customer is reminded of it", () => {
      const { plan } = customerSays(codeSent(), "ok, waiting for it", { at: minutesAfter(3) });
      expect(factsOf(plan, "verification.requested")).toEqual([]);
      expect(plan.outbound.filter((o) => o.kind === "code")).toEqual([]);
      expect(replyText(plan)).toBe("Please reply with the 6-digit code I sent by messaging.");
    });
  });

  describe("a matching code", () => {
    it("records verification.passed, lifts the level to high and lets the step proceed", () => {
      const { plan, after } = customerSays(codeSent(), "482913", {
        at: minutesAfter(10.9),
        codeAttempt: NEW_CODE_HASH,
      });
      expect(factsOf(plan, "verification.passed")).toEqual([
        expect.objectContaining({
          contactId: CONTACT,
          method: "otp",
          passedAt: minutesAfter(10.9),
        }),
      ]);
      expect(plan.decisions.level).toBe("high");
      expect(completedSteps(plan)).toEqual(["send_reset_link"]);
      expect(replyText(plan)).toContain(RESET_LINK);
      expect(after.contacts[0]?.resolution.level).toBe("high");
      expect(after.verification.pending).toBeNull();
    });

    it("passes when the run happens long after the message, judged at the message's time", () => {
      const state = codeSent();
      vi.useFakeTimers({ toFake: ["Date"] });
      vi.setSystemTime(new Date(minutesAfter(60 * 24)));
      const { plan } = customerSays(state, "482913", {
        at: minutesAfter(5),
        codeAttempt: NEW_CODE_HASH,
      });
      expect(factsOf(plan, "verification.passed")).toHaveLength(1);
    });

    it("lifts a conflicting contact no higher than low", () => {
      const state = threadWith({
        level: "conflict",
        workflow: "refund",
        pendingCode: "otp-hash-1",
      });
      const { plan, after } = customerSays(state, "482913", {
        at: minutesAfter(2),
        codeAttempt: "otp-hash-1",
      });
      expect(factsOf(plan, "verification.passed")).toHaveLength(1);
      expect(plan.decisions.level).toBe("low");
      expect(after.contacts[0]?.resolution.level).toBe("low");
    });

    it("lifts an unmatched contact nowhere", () => {
      const state = threadWith({ level: "unknown", workflow: "refund", pendingCode: "otp-hash-1" });
      const { plan, after } = customerSays(state, "482913", {
        at: minutesAfter(2),
        codeAttempt: "otp-hash-1",
      });
      expect(plan.decisions.level).toBe("unknown");
      expect(after.contacts[0]?.resolution.level).toBe("unknown");
    });

    it("after a refund's step-up, the refund itself goes to a person", () => {
      const state = threadWith({
        level: "medium",
        workflow: "refund",
        slots: { order_id: "W5521", items: "Shoes", reason: "does_not_fit" },
        completed: ["check_eligibility", "back_end_check"],
      });
      const asked = customerSays(state, "Any news on my refund?");
      expect(asked.plan.decisions.verificationPrompt).toBe(true);
      const { plan } = customerSays(asked.after, "482913", {
        at: minutesAfter(4),
        codeAttempt: NEW_CODE_HASH,
      });
      expect(plan.decisions.level).toBe("high");
      expect(plan.handedOff).toBe("needs_person");
      expect(completedSteps(plan)).toEqual([]);
    });

    // KNOWN BUG (reported): the run lifts `level` to high when the code matches, but the order gate
    // (`mayDiscussOrder`) reads the level from the context cards, assembled before the run. A low
    // customer who passes step-up in this run is told their order cannot be found. Flip once fixed.
    it("a code passed in this run opens the order checks that follow (known bug)", () => {
      const state = threadWith({
        level: "low",
        workflow: "address_change",
        slots: { order_id: "W9002", shipping_address: "••• Oak Street, Springfield" },
      });
      const asked = customerSays(state, "Please hurry");
      expect(asked.plan.decisions.verificationPrompt).toBe(true);
      const { plan } = customerSays(asked.after, "482913", {
        at: minutesAfter(3),
        codeAttempt: NEW_CODE_HASH,
        order: found(order({ id: "W9002", status: "processed" })),
      });
      expect(plan.decisions.level).toBe("high");
      expect(replyText(plan)).not.toContain("I couldn't find that order");
      expect(completedSteps(plan)).toEqual(["check_changeable"]);
    });
  });

  describe("a wrong code", () => {
    it("records verification.failed and a verification_failed risk flag, and says what is left", () => {
      const { plan, after } = wrong(codeSent(), 2);
      expect(factsOf(plan, "verification.failed")).toEqual([
        expect.objectContaining({ contactId: CONTACT, reason: "wrong_code" }),
      ]);
      expect(factsOf(plan, "risk.flagged")).toEqual([
        expect.objectContaining({ flag: "verification_failed", contactId: CONTACT }),
      ]);
      expect(replyText(plan)).toBe("That code didn't match. You have 2 more tries.");
      expect(completedSteps(plan)).toEqual([]);
      expect(plan.decisions.level).toBe("medium");
      expect(after.verification.pending?.attemptsLeft).toBe(2);
    });

    it("a second wrong code leaves one try", () => {
      const first = wrong(codeSent(), 2);
      expect(replyText(wrong(first.after, 3).plan)).toBe(
        "That code didn't match. You have 1 more try.",
      );
    });

    it("three wrong codes are a hard stop: repeated_failed_verification", () => {
      const first = wrong(codeSent(), 2);
      const second = wrong(first.after, 3);
      const { plan, after } = wrong(second.after, 4);
      expect(plan.decisions.hardStop).toBe("repeated_failed_verification");
      expect(plan.handedOff).toBe("repeated_failed_verification");
      expect(typesOf(plan)).toEqual([
        "verification.failed",
        "risk.flagged",
        "risk.flagged",
        "agent.handed_off",
        "control.changed",
        "agent.replied",
        "agent.run_completed",
      ]);
      expect(replyText(plan)).toBe(handoff("repeated_failed_verification", ""));
      expect(after.control).toBe("human");
      expect(after.verification.pending).toBeNull();
    });

    it("only this contact's failures count towards the limit", () => {
      const other = (i: number): ThreadEvent => ({
        key: `other-fail#${i}`,
        group: "other",
        part: i,
        at: T0,
        type: "verification.failed",
        contactId: "session:SOMEONE-ELSE",
        reason: "wrong_code",
      });
      const state = threadWith({
        workflow: "password_reset",
        pendingCode: "otp-hash-1",
        extra: [other(0), other(1)],
      });
      const { plan } = wrong(state, 2);
      expect(plan.decisions.hardStop).toBeNull();
      expect(replyText(plan)).toContain("You have 2 more tries.");
    });
  });

  describe("an expired code", () => {
    const expiredButRight = () =>
      customerSays(codeSent(), "482913", {
        at: minutesAfter(11),
        codeAttempt: NEW_CODE_HASH,
        newCodeHash: "otp-hash-2",
      });

    it("is refused at the expiry instant even when it matches, and a new code is requested", () => {
      const { plan, after } = expiredButRight();
      expect(factsOf(plan, "verification.passed")).toEqual([]);
      expect(factsOf(plan, "verification.failed")).toEqual([
        expect.objectContaining({ reason: "expired" }),
      ]);
      expect(factsOf(plan, "verification.requested")[0]).toMatchObject({
        codeHash: "otp-hash-2",
        expiresAt: minutesAfter(21),
        attempts: 3,
      });
      expect(replyText(plan)).toContain(CODE_EXPIRED);
      expect(plan.decisions.level).toBe("medium");
      expect(completedSteps(plan)).toEqual([]);
      expect(after.verification.pending).toMatchObject({ codeHash: "otp-hash-2", attemptsLeft: 3 });
    });

    it("an expired wrong code is refused the same way, with one new code", () => {
      const { plan } = customerSays(codeSent(), "111111", {
        at: minutesAfter(12),
        codeAttempt: "otp-hash-wrong",
        newCodeHash: "otp-hash-2",
      });
      expect(factsOf(plan, "verification.failed")).toEqual([
        expect.objectContaining({ reason: "expired" }),
      ]);
      expect(factsOf(plan, "verification.requested")).toHaveLength(1);
      expect(plan.outbound.filter((o) => o.kind === "code")).toHaveLength(1);
      expect(replyText(plan)).toBe(CODE_EXPIRED);
    });

    // An expired code that matched once also advanced the run to the verify step, which sent a
    // second code (two verification.requested facts, two code messages, two explanations).
    it("an expired matching code sends exactly one new code", () => {
      const { plan } = expiredButRight();
      expect(factsOf(plan, "verification.requested")).toHaveLength(1);
      expect(plan.outbound.filter((o) => o.kind === "code")).toHaveLength(1);
      expect(replyText(plan)).toBe(CODE_EXPIRED);
    });

    it("an expiry is not a wrong attempt: no risk flag, and the new code then passes", () => {
      const expired = customerSays(codeSent(), "482913", {
        at: minutesAfter(30),
        codeAttempt: NEW_CODE_HASH,
        newCodeHash: "otp-hash-2",
      });
      expect(factsOf(expired.plan, "risk.flagged")).toEqual([]);
      const { plan } = customerSays(expired.after, "730521", {
        at: minutesAfter(32),
        codeAttempt: "otp-hash-2",
      });
      expect(factsOf(plan, "verification.passed")).toHaveLength(1);
      expect(completedSteps(plan)).toEqual(["send_reset_link"]);
    });
  });

  it("a code attempt from another contact is not judged against this contact's code", () => {
    const { plan } = customerSays(codeSent(), "482913", {
      at: minutesAfter(2),
      contactId: "ticket:101",
      channel: "email",
      codeAttempt: NEW_CODE_HASH,
    });
    expect(factsOf(plan, "verification.passed")).toEqual([]);
    expect(factsOf(plan, "verification.failed")).toEqual([]);
  });
});
