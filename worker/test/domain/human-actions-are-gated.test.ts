import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { planAction, type ActionRequest } from "../../src/domain/thread-actions";
import { applyEvents } from "../../src/domain/thread-state";
import { WORKFLOWS } from "../../src/domain/workflows";
import { scenarioArb } from "./agent-arbitraries";
import { CONTACT, minutesAfter, threadWith, type ThreadSpec } from "./agent-factories";
import { POLICY } from "./factories";

const AT = minutesAfter(30);
const request = (action: ActionRequest["action"], fields: Partial<ActionRequest> = {}) => ({
  action,
  contactId: CONTACT,
  actor: "A-7",
  ...fields,
});

/** A replacement waiting on a person's approval, then on shipping. */
const atApproval = (spec: ThreadSpec = {}) =>
  threadWith({
    workflow: "replacement",
    slots: { order_id: "18422", photos: "2 photos", items: "Mug" },
    ...spec,
  });

describe("human actions are gated by the workflow and the customer's identity", () => {
  describe("control", () => {
    it("take over gives a person control without waking the agent", () => {
      expect(planAction(threadWith({}), request("take_over"), AT)).toEqual({
        ok: true,
        facts: [{ type: "control.changed", at: AT, owner: "human", reason: "taken over by A-7" }],
        wantsAgentRun: false,
      });
    });

    it("cannot take over what a person already has", () => {
      expect(planAction(threadWith({ control: "human" }), request("take_over"), AT)).toEqual({
        ok: false,
        reason: "A person already has this thread.",
      });
    });

    it("hand back returns control to the agent and wakes it", () => {
      const plan = planAction(threadWith({ control: "human" }), request("hand_back"), AT);
      expect(plan).toMatchObject({
        ok: true,
        facts: [{ type: "control.changed", owner: "ai" }],
        wantsAgentRun: true,
      });
    });

    it("cannot hand back what the agent already has", () => {
      expect(planAction(threadWith({}), request("hand_back"), AT).ok).toBe(false);
    });
  });

  describe("recording a verification", () => {
    it("records verification.passed for a contact matched to one customer", () => {
      const plan = planAction(
        threadWith({ level: "low" }),
        request("record_verification", { method: "phone_kba" }),
        AT,
      );
      expect(plan).toEqual({
        ok: true,
        facts: [
          {
            type: "verification.passed",
            at: AT,
            contactId: CONTACT,
            method: "phone_kba",
            passedAt: AT,
          },
        ],
        wantsAgentRun: false,
      });
    });

    it("refuses a contact not matched to one customer, and an unknown contact", () => {
      expect(
        planAction(threadWith({ level: "conflict" }), request("record_verification"), AT),
      ).toEqual({
        ok: false,
        reason: "Resolve who the customer is first: the contact is not matched to one customer.",
      });
      expect(
        planAction(threadWith({ level: "unknown" }), request("record_verification"), AT).ok,
      ).toBe(false);
      expect(
        planAction(threadWith({}), request("record_verification", { contactId: "ticket:999" }), AT),
      ).toEqual({ ok: false, reason: "No contact to verify." });
    });
  });

  describe("workflow steps", () => {
    it("nothing to approve without a workflow", () => {
      expect(planAction(threadWith({}), request("approve"), AT)).toEqual({
        ok: false,
        reason: "This thread has no workflow yet.",
      });
    });

    it("approves the current approval step at its level", () => {
      const plan = planAction(atApproval({ level: "medium" }), request("approve"), AT);
      expect(plan).toEqual({
        ok: true,
        facts: [
          {
            type: "workflow.step_completed",
            at: AT,
            stepId: "approve_replacement",
            by: "human",
            outcome: "approved",
          },
        ],
        wantsAgentRun: true,
      });
    });

    it("cannot approve while the customer in front of the person is below the step's level", () => {
      // For a low contact the current step is the identity check, where approve does not exist.
      expect(planAction(atApproval({ level: "low" }), request("approve"), AT)).toEqual({
        ok: false,
        reason: '"approve" is not available at this step.',
      });
    });

    it("the gate uses the contact the person is looking at, not the thread's best contact", () => {
      const state = atApproval({ level: "medium" });
      const weak = applyEvents(
        state,
        [
          {
            key: "weak#joined",
            group: "weak",
            part: 0,
            at: minutesAfter(5),
            type: "contact.joined",
            contactId: "session:VC-2",
            channel: "voice",
            links: [{ kind: "session", id: "VC-2" }],
            stitch: { action: "attach", reason: "same_order" },
          },
        ],
        POLICY,
      );
      expect(planAction(weak, request("approve"), AT).ok).toBe(true);
      expect(planAction(weak, request("approve", { contactId: "session:VC-2" }), AT).ok).toBe(
        false,
      );
    });

    it("denies a step with the person's reason, and wakes the agent to say so", () => {
      expect(
        planAction(atApproval({}), request("deny", { reason: "photos show no damage" }), AT),
      ).toEqual({
        ok: true,
        facts: [
          {
            type: "workflow.step_denied",
            at: AT,
            stepId: "approve_replacement",
            by: "human:A-7",
            reason: "photos show no damage",
          },
        ],
        wantsAgentRun: true,
      });
    });

    it("continue on a consequential step needs a high customer, whoever clicks", () => {
      // Issuing a refund is consequential; shipping a replacement to the address on file is not.
      const shipping = (level: "medium" | "high") =>
        threadWith({
          level,
          workflow: "refund",
          slots: { order_id: "18422", items: "Mug", reason: "damaged" },
          completed: ["check_eligibility", "back_end_check", "step_up"],
          control: "human",
        });
      expect(planAction(shipping("medium"), request("continue"), AT)).toEqual({
        ok: false,
        reason: "Needs high identity; the customer is at medium.",
      });
      expect(
        planAction(shipping("high"), request("continue", { reason: "shipped R-1" }), AT),
      ).toMatchObject({
        ok: true,
        facts: [
          { type: "workflow.step_completed", stepId: "issue_refund", outcome: "shipped R-1" },
        ],
      });
    });

    it("a verify step cannot be continued past by a person", () => {
      const state = threadWith({ level: "medium", workflow: "password_reset" });
      expect(planAction(state, request("continue"), AT)).toEqual({
        ok: false,
        reason: "Needs high identity; the customer is at medium.",
      });
    });

    it("approve is not available where there is nothing to approve", () => {
      const state = threadWith({ workflow: "order_status", slots: { order_id: "W1202" } });
      expect(planAction(state, request("approve"), AT)).toEqual({
        ok: false,
        reason: '"approve" is not available at this step.',
      });
    });

    it("nothing more to do on a finished or denied workflow", () => {
      const finished = threadWith({ workflow: "billing_dispute", completed: ["human_review"] });
      expect(planAction(finished, request("continue"), AT).ok).toBe(false);
      const deniedWorkflow = atApproval({
        denied: { stepId: "approve_replacement", reason: "no damage" },
      });
      expect(planAction(deniedWorkflow, request("approve"), AT).ok).toBe(false);
    });
  });

  it("property: below high, no person's action completes a consequential step", () => {
    const consequential = new Set(
      Object.values(WORKFLOWS).flatMap((w) =>
        w.steps.filter((s) => s.consequential).map((s) => s.id),
      ),
    );
    fc.assert(
      fc.property(
        scenarioArb({ levels: ["unknown", "low", "medium", "conflict"], codes: false }),
        fc.constantFrom("approve" as const, "continue" as const, "deny" as const),
        (s, action) => {
          const plan = planAction(threadWith(s.spec), request(action), AT);
          if (!plan.ok) return;
          for (const fact of plan.facts) {
            if (fact.type === "workflow.step_completed")
              expect(consequential.has(fact.stepId)).toBe(false);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
