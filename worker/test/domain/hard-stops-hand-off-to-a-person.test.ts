import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { AgentRunPlan } from "../../src/domain/agent/plan-run";
import { HARD_STOP_REASONS } from "../../src/domain/agent/policy";
import { handoff, RESET_LINK } from "../../src/domain/agent/replies";
import type { HardStopCode } from "../../src/domain/intent";
import type { RiskFlagName } from "../../src/domain/thread-events";
import { applyEvents } from "../../src/domain/thread-state";
import { play, scenarioArb } from "./agent-arbitraries";
import {
  completedSteps,
  customerSays,
  factsOf,
  found,
  LEVEL_SPECS,
  minutesAfter,
  replyOf,
  replyText,
  threadFacts,
  threadWith,
  unavailable,
} from "./agent-factories";
import { controlChanged, POLICY } from "./factories";

const FLAG: Record<HardStopCode, RiskFlagName> = {
  suspected_takeover: "suspected_takeover",
  payment_dispute: "payment_dispute",
  sensitive_change_unverified: "sensitive_change_unverified",
  regulated_advice: "regulated_advice",
  repeated_failed_verification: "verification_failed",
  tool_outage: "tool_outage",
};

/** Every hard stop: flag the risk, record the handoff, give a person control, say why. */
function expectHardStop(plan: AgentRunPlan, code: HardStopCode) {
  expect(plan.decisions.hardStop).toBe(code);
  expect(plan.handedOff).toBe(code);
  expect(factsOf(plan, "risk.flagged").map((f) => f.flag)).toContain(FLAG[code]);
  expect(factsOf(plan, "agent.handed_off")).toEqual([
    expect.objectContaining({ code, reason: HARD_STOP_REASONS[code] }),
  ]);
  expect(factsOf(plan, "control.changed")).toEqual([
    expect.objectContaining({ owner: "human", reason: `hard stop: ${code.replace(/_/g, " ")}` }),
  ]);
  const reply = replyOf(plan);
  expect(reply?.purpose).toBe("handoff");
  expect(reply?.text).toBe(handoff(code, ""));
  expect(reply?.text).toContain(HARD_STOP_REASONS[code]);
  expect(reply?.text).toContain("They'll continue from here");
  expect(completedSteps(plan)).toEqual([]);
}

describe("hard stops hand off to a person (DESIGN §5, issue 3)", () => {
  describe("suspected account takeover", () => {
    for (const level of LEVEL_SPECS) {
      it(`stops at ${level}, whatever the workflow`, () => {
        const state = threadWith({ level, workflow: "password_reset" });
        const { plan, after } = customerSays(
          state,
          "Someone else has access to my account, I didn't change my password",
        );
        expectHardStop(plan, "suspected_takeover");
        expect(after.control).toBe("human");
        expect(after.agent.handoff?.code).toBe("suspected_takeover");
      });
    }

    it("stops even at high, before anything is sent", () => {
      const { plan } = customerSays(
        threadWith({ level: "high" }),
        "I forgot my password. My account was hacked.",
      );
      expectHardStop(plan, "suspected_takeover");
      expect(replyText(plan)).not.toContain(RESET_LINK);
    });
  });

  describe("payment disputes", () => {
    it("a chargeback starts the billing dispute and hands it to a person", () => {
      const { plan, after } = customerSays(
        threadWith({ level: "medium" }),
        "I disputed the charge for order W5521 with my bank.",
      );
      expect(factsOf(plan, "workflow.started")[0]?.workflow).toBe("billing_dispute");
      expectHardStop(plan, "payment_dispute");
      expect(after.workflow?.id).toBe("billing_dispute");
    });

    it("after a person hands the dispute back, it still goes to a person", () => {
      const first = customerSays(threadWith({}), "I want a chargeback");
      expect(first.after.control).toBe("human");
      const handedBack = applyEvents(
        first.after,
        [controlChanged({ at: minutesAfter(5), owner: "ai", reason: "handed back by A-7" })],
        POLICY,
      );
      expect(handedBack.agent.handoff).toBeNull();
      const { plan } = customerSays(handedBack, "Any news on the dispute?", {
        at: minutesAfter(6),
      });
      expectHardStop(plan, "payment_dispute");
    });

    it("while the dispute is already with a person, the agent only says so", () => {
      const state = threadWith({ workflow: "billing_dispute", handedOff: "payment_dispute" });
      const { plan } = customerSays(state, "Any news?");
      expect(plan.decisions.hardStop).toBeNull();
      expect(factsOf(plan, "agent.handed_off")).toEqual([]);
      expect(replyText(plan)).toContain("A colleague is still on");
    });
  });

  describe("sensitive changes without high", () => {
    it("an address change with an identity conflict stops at once", () => {
      const { plan } = customerSays(
        threadWith({ level: "conflict" }),
        "Please change the shipping address on order W9002.",
      );
      expectHardStop(plan, "sensitive_change_unverified");
      expect(factsOf(plan, "verification.requested")).toEqual([]);
    });

    it("a password reset with an identity conflict on the thread stops at once", () => {
      const { plan } = customerSays(threadWith({ level: "conflict" }), "I forgot my password");
      expectHardStop(plan, "sensitive_change_unverified");
    });

    it("stops before asking for anything, even the order", () => {
      const { plan } = customerSays(
        threadWith({ level: "conflict" }),
        "I need to change my delivery address",
      );
      expectHardStop(plan, "sensitive_change_unverified");
      expect(plan.decisions.asked).toEqual([]);
    });

    it("a conflict anywhere on the thread stops a sensitive change by a resolved contact", () => {
      // Another caller on this thread gave the phone of C-1 and the order of C-2.
      const conflicting = threadFacts({ level: "conflict", contactId: "session:VC-2" });
      const state = threadWith({
        level: "medium",
        extra: conflicting.map((f) => ({ ...f, key: `vc2:${f.key}`, group: "vc2" })),
      });
      expect(state.riskFlags.map((f) => f.flag)).toContain("identity_conflict");
      const { plan } = customerSays(state, "I forgot my password", { contactId: "session:CONV-1" });
      expectHardStop(plan, "sensitive_change_unverified");
      expect(factsOf(plan, "verification.requested")).toEqual([]);
    });

    it("a password reset with no channel to send a code to stops", () => {
      const { plan } = customerSays(threadWith({ level: "medium" }), "I forgot my password", {
        delivery: { conversationId: null, ticketId: null },
      });
      expectHardStop(plan, "sensitive_change_unverified");
      expect(plan.outbound).toEqual([]);
    });

    it("a password reset for a contact matched to nobody stops", () => {
      const { plan } = customerSays(threadWith({ level: "unknown" }), "I forgot my password");
      expectHardStop(plan, "sensitive_change_unverified");
    });

    it("an address change at high proceeds without a stop", () => {
      const { plan } = customerSays(
        threadWith({ level: "high" }),
        "Please change the shipping address on order W9002.",
      );
      expect(plan.decisions.hardStop).toBeNull();
      expect(plan.decisions.asked).toEqual(["shipping_address"]);
    });

    it("a refund's step-up without a channel is a handoff, not a hard stop", () => {
      const state = threadWith({
        level: "medium",
        workflow: "refund",
        slots: { order_id: "W5521", items: "Shoes", reason: "does_not_fit" },
        completed: ["check_eligibility", "back_end_check"],
      });
      const { plan } = customerSays(state, "Any news?", {
        delivery: { conversationId: null, ticketId: null },
      });
      expect(plan.decisions.hardStop).toBeNull();
      expect(plan.handedOff).toBe("needs_person");
      expect(factsOf(plan, "control.changed")).toEqual([]);
      expect(factsOf(plan, "risk.flagged")).toEqual([]);
    });
  });

  describe("medical or regulated advice", () => {
    for (const text of [
      "Is it safe to use the kettle while pregnant?",
      "What dosage of descaler is safe?",
      "I need legal advice about this purchase",
    ]) {
      it(`stops on "${text}"`, () => {
        expectHardStop(customerSays(threadWith({}), text).plan, "regulated_advice");
      });
    }
  });

  describe("repeated failed verification", () => {
    it("the third wrong code for the contact stops", () => {
      const state = threadWith({
        workflow: "password_reset",
        wrongCodes: 2,
        pendingCode: "otp-hash-1",
      });
      const { plan } = customerSays(state, "999999", {
        at: minutesAfter(2),
        codeAttempt: "otp-hash-wrong",
      });
      expectHardStop(plan, "repeated_failed_verification");
    });
  });

  describe("a tool outage that prevents safe action", () => {
    it("the order system down at an inform step stops", () => {
      const state = threadWith({ workflow: "order_status", slots: { order_id: "W1202" } });
      const { plan } = customerSays(state, "Where is it?", { order: unavailable() });
      expectHardStop(plan, "tool_outage");
    });

    it("the order system down at a check step stops", () => {
      const state = threadWith({
        workflow: "return_exchange",
        slots: { order_id: "W1201", items: "Kettle", reason: "defective" },
      });
      const { plan } = customerSays(state, "Can I return it?", { order: unavailable("W1201") });
      expectHardStop(plan, "tool_outage");
    });

    it("while still collecting, an outage does not stop the conversation", () => {
      const state = threadWith({ workflow: "refund", slots: { order_id: "W5521" } });
      const { plan } = customerSays(state, "Hi", { order: unavailable("W5521") });
      expect(plan.decisions.hardStop).toBeNull();
      expect(plan.decisions.asked).toEqual(["items"]);
    });

    it("a password reset does not need the order system", () => {
      const { plan } = customerSays(threadWith({ level: "high" }), "I forgot my password", {
        order: unavailable(),
      });
      expect(plan.decisions.hardStop).toBeNull();
      expect(completedSteps(plan)).toEqual(["send_reset_link"]);
    });

    it("with the order system back, the same step proceeds", () => {
      const state = threadWith({ workflow: "order_status", slots: { order_id: "W1202" } });
      const { plan } = customerSays(state, "Where is it?", { order: found() });
      expect(plan.decisions.hardStop).toBeNull();
      expect(completedSteps(plan)).toEqual(["report_status"]);
    });
  });

  it("when a person already has control: flagged and recorded, but no control change or reply", () => {
    const state = threadWith({ control: "human" });
    const { plan, after } = customerSays(state, "My account was hacked");
    expect(plan.decisions.hardStop).toBe("suspected_takeover");
    expect(factsOf(plan, "risk.flagged").map((f) => f.flag)).toEqual(["suspected_takeover"]);
    expect(factsOf(plan, "agent.handed_off")).toHaveLength(1);
    expect(factsOf(plan, "control.changed")).toEqual([]);
    expect(replyOf(plan)).toBeNull();
    expect(after.control).toBe("human");
  });

  it("property: whenever a run hard-stops, it flags, hands off, and (if it may speak) says why", () => {
    fc.assert(
      fc.property(scenarioArb(), (s) => {
        const { plan, after } = play(s);
        const code = plan.decisions.hardStop;
        if (!code) return;
        expect(plan.handedOff).toBe(code);
        expect(factsOf(plan, "risk.flagged").map((f) => f.flag)).toContain(FLAG[code]);
        expect(factsOf(plan, "agent.handed_off").map((f) => f.code)).toEqual([code]);
        expect(after.control).toBe("human");
        expect(after.agent.handoff?.code).toBe(code);
        expect(completedSteps(plan)).toEqual([]);
        if (s.spec.control === "ai") expect(replyText(plan)).toContain(HARD_STOP_REASONS[code]);
        else expect(replyOf(plan)).toBeNull();
      }),
      { numRuns: 300 },
    );
  });
});
