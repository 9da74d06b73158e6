import { describe, expect, it } from "vitest";
import { customerSays, factsOf, found, order, replyText, threadWith } from "./agent-factories";
import { daysAfter } from "./factories";

const refundReady = () =>
  threadWith({
    level: "high",
    workflow: "refund",
    slots: { order_id: "W5521", items: "Shoes", reason: "does_not_fit" },
  });
/** Delivered five days before the thread opened; the order system gives no return window. */
const noWindow = (fields = {}) =>
  found(order({ id: "W5521", returnWindowEndsAt: undefined, ...fields }));
const handoffReason = (plan: Parameters<typeof factsOf>[0]) =>
  factsOf(plan, "agent.handed_off")[0]?.reason ?? "";

describe("the tenant's own policies decide, never a default of ours", () => {
  it("a tenant's return window decides when the order system gives none", () => {
    const generous = customerSays(refundReady(), "Any news?", {
      order: noWindow(),
      policy: { returnWindowDays: 30 },
    }).plan;
    expect(factsOf(generous, "workflow.step_completed")[0]?.outcome).toBe("eligible");

    const strict = customerSays(refundReady(), "Any news?", {
      order: noWindow(),
      policy: { returnWindowDays: 3 },
    }).plan;
    expect(factsOf(strict, "workflow.step_completed")[0]?.outcome).toBe("not_eligible");
    // The handoff note's "Why a person" names the policy that decided.
    expect(handoffReason(strict)).toContain("the store's 3-day return window from delivery");
  });

  it("the order's own returnWindowEndsAt outranks the tenant's days", () => {
    const { plan } = customerSays(refundReady(), "Any news?", {
      order: found(order({ id: "W5521", returnWindowEndsAt: daysAfter(-1) })),
      policy: { returnWindowDays: 365 },
    });
    expect(factsOf(plan, "workflow.step_completed")[0]?.outcome).toBe("not_eligible");
    expect(handoffReason(plan)).toContain("the order system's return window ends");
  });

  it("with no window from anyone, nothing is assumed: a person decides", () => {
    const { plan } = customerSays(refundReady(), "Any news?", { order: noWindow() });
    expect(factsOf(plan, "workflow.step_completed")[0]?.outcome).toBe("not_eligible");
    expect(plan.handedOff).toBe("needs_person");
  });

  it("a refund below the tenant's approval threshold skips the approval; above it waits", () => {
    const small = customerSays(refundReady(), "Any news?", {
      order: found(order({ id: "W5521", returnWindowEndsAt: daysAfter(20), total: 40 })),
      policy: { refundApprovalThreshold: 100 },
    }).plan;
    expect(factsOf(small, "workflow.step_completed").map((f) => f.outcome)).toContain(
      "below_threshold:100",
    );
    const large = customerSays(refundReady(), "Any news?", {
      order: found(order({ id: "W5521", returnWindowEndsAt: daysAfter(20), total: 400 })),
      policy: { refundApprovalThreshold: 100 },
    }).plan;
    expect(large.handedOff).toBe("needs_person");
    expect(handoffReason(large)).toContain(
      "refunds from 100 need approval; the order's total is 400",
    );
  });

  it("a warranty claim's reviewer reads the tenant's warranty length against the delivery date", () => {
    const claim = threadWith({
      level: "medium",
      workflow: "warranty_claim",
      slots: { order_id: "W5521", invoice: "invoice.pdf", serial_number: "SN-1" },
    });
    const { plan } = customerSays(claim, "Any news?", {
      order: found(order({ id: "W5521" })),
      policy: { warrantyMonths: 24 },
    });
    expect(plan.handedOff).toBe("needs_person");
    expect(handoffReason(plan)).toContain("within the store's 24-month warranty from delivery");
  });

  it("the tenant's opening hours tell the customer when a person answers", () => {
    const { plan } = customerSays(refundReady(), "Any news?", {
      order: noWindow(),
      policy: { openingHours: "Monday to Friday, 9am–5pm" },
    });
    expect(replyText(plan)).toContain("Our team answers Monday to Friday, 9am–5pm.");
  });
});
