import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { mayDiscussOrder, permits, type Disclosure } from "../../src/domain/agent/policy";
import { RESET_LINK } from "../../src/domain/agent/replies";
import { IDENTITY_LEVELS, type IdentityLevel } from "../../src/domain/identity-level";
import { workflowView } from "../../src/domain/workflow-view";
import { WORKFLOWS } from "../../src/domain/workflows";
import { play, scenarioArb } from "./agent-arbitraries";
import { RETURNS_30, searched } from "./knowledge-factories";
import {
  cards,
  completedSteps,
  CUSTOMER,
  customerSays,
  factsOf,
  found,
  LEVEL_SPECS,
  notFound,
  order,
  OTHER_CUSTOMER,
  replyText,
  threadWith,
} from "./agent-factories";

/** What a reply must not contain unless the contact may see the order. */
const ORDER_DETAILS = ["Zephyr", "1ZSECRET99", "was delivered", "return window", "return label"];

describe("identity gates what the agent reveals (issue 3 §4)", () => {
  describe("policy", () => {
    const expected: Record<IdentityLevel, Record<Disclosure, boolean>> = {
      unknown: { general: true, order_details: false, consequential: false },
      low: { general: true, order_details: false, consequential: false },
      medium: { general: true, order_details: true, consequential: false },
      high: { general: true, order_details: true, consequential: true },
    };
    for (const level of IDENTITY_LEVELS) {
      it(`at ${level}: ${JSON.stringify(expected[level])}`, () => {
        for (const what of ["general", "order_details", "consequential"] as const)
          expect(permits(level, what)).toBe(expected[level][what]);
      });
    }

    it("order details only for the thread's own customer, found, at medium or above", () => {
      const at = (level: IdentityLevel, owner = CUSTOMER) =>
        cards({ level, order: found(order({ customerId: owner })) });
      expect(mayDiscussOrder(at("medium"), CUSTOMER)).toBe(true);
      expect(mayDiscussOrder(at("high"), CUSTOMER)).toBe(true);
      expect(mayDiscussOrder(at("low"), CUSTOMER)).toBe(false);
      expect(mayDiscussOrder(at("medium", OTHER_CUSTOMER), CUSTOMER)).toBe(false);
      expect(mayDiscussOrder(at("high"), null)).toBe(false);
      expect(mayDiscussOrder(cards({ level: "high", order: { status: "none" } }), CUSTOMER)).toBe(
        false,
      );
    });
  });

  describe("general policy answers at any level", () => {
    for (const level of LEVEL_SPECS) {
      it(`answers the return policy at ${level}`, () => {
        const question = "What's your return policy?";
        const { plan } = customerSays(threadWith({ level }), question, {
          knowledge: searched(question, [RETURNS_30]),
        });
        expect(replyText(plan)).toContain("within 30 days of delivery");
        expect(replyText(plan)).toContain(RETURNS_30.url);
        expect(factsOf(plan, "workflow.started")).toEqual([]);
      });
    }
  });

  describe("order details at medium or above, for the thread's own customer", () => {
    const orderStatus = (
      level: "low" | "medium" | "high" | "unknown" | "conflict",
      owner = CUSTOMER,
    ) =>
      customerSays(
        threadWith({ level, workflow: "order_status", slots: { order_id: "W1202" } }),
        "Where is my toaster? Order W1202.",
        { order: found(order({ customerId: owner })) },
      ).plan;

    it("at low, asks for a second factor and reveals nothing about the order", () => {
      const plan = orderStatus("low");
      for (const detail of ORDER_DETAILS) expect(replyText(plan)).not.toContain(detail);
      expect(replyText(plan)).toContain("I need one more thing to confirm it's you");
      expect(plan.decisions.asked).toEqual(["name_zip"]);
      expect(completedSteps(plan)).toEqual([]);
    });

    it("at medium, reports the status and tracking of the customer's own order", () => {
      const plan = orderStatus("medium");
      expect(replyText(plan)).toContain("Order #W1202 (Zephyr Toaster) was delivered");
      expect(replyText(plan)).toContain("1ZSECRET99");
      expect(completedSteps(plan)).toEqual(["report_status"]);
    });

    it("at medium, another customer's order is not found, not described", () => {
      const plan = orderStatus("medium", OTHER_CUSTOMER);
      for (const detail of ORDER_DETAILS) expect(replyText(plan)).not.toContain(detail);
      expect(replyText(plan)).toContain("I couldn't find that order on your account");
      expect(completedSteps(plan)).toEqual([]);
    });

    it("an order the order system does not know is questioned, not invented", () => {
      const { plan } = customerSays(
        threadWith({ level: "medium", workflow: "order_status", slots: { order_id: "W0000" } }),
        "Where is it?",
        { order: notFound("W0000") },
      );
      expect(replyText(plan)).toContain("Could you check the order number?");
      expect(completedSteps(plan)).toEqual([]);
    });

    it("property: a contact that may not see the order never reads its details", () => {
      fc.assert(
        fc.property(
          scenarioArb({ control: ["ai"], levels: ["unknown", "low", "conflict"] }),
          (s) => {
            const { plan } = play(s);
            // A code that matches in this very run lifts the contact; that case is the step-up test's.
            fc.pre(plan.decisions.level !== "high");
            for (const detail of ORDER_DETAILS) expect(replyText(plan)).not.toContain(detail);
          },
        ),
        { numRuns: 300 },
      );
    });

    it("property: at any level, another customer's order is never described", () => {
      fc.assert(
        fc.property(scenarioArb({ control: ["ai"] }), (s) => {
          fc.pre(s.order.status === "found" && s.order.order.customerId === OTHER_CUSTOMER);
          const { plan } = play(s);
          for (const detail of ORDER_DETAILS) expect(replyText(plan)).not.toContain(detail);
        }),
        { numRuns: 200 },
      );
    });
  });

  describe("consequential actions only at high", () => {
    it("at medium, a password reset asks for a code and sends no link", () => {
      const { plan } = customerSays(threadWith({ level: "medium" }), "I forgot my password");
      expect(completedSteps(plan)).toEqual([]);
      expect(replyText(plan)).not.toContain(RESET_LINK);
      expect(plan.decisions.verificationPrompt).toBe(true);
    });

    it("at high, the reset link is sent and the step recorded", () => {
      const { plan } = customerSays(threadWith({ level: "high" }), "I forgot my password");
      expect(completedSteps(plan)).toEqual(["send_reset_link"]);
      expect(replyText(plan)).toContain(RESET_LINK);
      expect(plan.decisions.verificationPrompt).toBe(false);
    });

    it("property: below high, no run completes a consequential step", () => {
      const consequential = new Set(
        Object.values(WORKFLOWS).flatMap((w) =>
          w.steps.filter((s) => s.consequential).map((s) => s.id),
        ),
      );
      fc.assert(
        fc.property(scenarioArb(), (s) => {
          const { plan } = play(s);
          if (plan.decisions.level === "high") return;
          for (const stepId of completedSteps(plan)) expect(consequential.has(stepId)).toBe(false);
        }),
        { numRuns: 300 },
      );
    });
  });

  describe("actions the level does not permit are listed with a reason", () => {
    /**
     * A refund approved and verified once, waiting to be issued: a consequential step a person
     * performs. The view is judged for a contact in front of us who may be less sure than that.
     */
    const shipping = threadWith({
      workflow: "refund",
      slots: { order_id: "18422", items: "Mug", reason: "damaged" },
      completed: ["check_eligibility", "back_end_check", "step_up"],
      control: "human",
    });
    const viewAt = (level: IdentityLevel) =>
      workflowView(shipping.workflow!, shipping.slots, level, shipping.control);

    it("a consequential step below high: continue is not permitted, with the reason", () => {
      const view = viewAt("medium");
      expect(view.currentStep).toBe("issue_refund");
      expect(view.actions).toContainEqual({
        action: "continue",
        permitted: false,
        reason: "Needs high identity; the customer is at medium.",
        reasonCode: "identity_level",
        needs: "high",
      });
      expect(view.actions).toContainEqual({ action: "request_verification", permitted: true });
    });

    it("at high the same step may continue, and verification is not offered again", () => {
      const view = viewAt("high");
      expect(view.currentStep).toBe("issue_refund");
      expect(view.actions).toContainEqual({ action: "continue", permitted: true });
      expect(view.actions).toContainEqual({
        action: "request_verification",
        permitted: false,
        reason: "The customer is already verified.",
        reasonCode: "already_verified",
      });
    });

    it("an approval below its level: approve is refused with the reason, deny is allowed", () => {
      const state = threadWith({
        level: "low",
        workflow: "replacement",
        slots: { order_id: "18422", photos: "2 photos", items: "Mug" },
      });
      const view = workflowView(state.workflow!, state.slots, "low", state.control);
      // The verify step stands before the approval for this contact.
      expect(view.currentStep).toBe("verify_order_access");
      const atMedium = workflowView(state.workflow!, state.slots, "medium", state.control);
      expect(atMedium.currentStep).toBe("approve_replacement");
      expect(atMedium.actions).toContainEqual({ action: "approve", permitted: true });
      expect(atMedium.actions).toContainEqual({ action: "deny", permitted: true });
    });

    it("a verify step can never be continued past by a person", () => {
      const view = viewAt("low");
      expect(view.currentStep).toBe("verify_order_access");
      expect(view.actions).toContainEqual({
        action: "continue",
        permitted: false,
        reason: "Needs medium identity; the customer is at low.",
        reasonCode: "identity_level",
        needs: "medium",
      });
    });
  });
});
