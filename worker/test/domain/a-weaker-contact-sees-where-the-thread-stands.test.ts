import { describe, expect, it } from "vitest";
import type { WorkflowProgress } from "../../src/domain/thread-state/state";
import { workflowView } from "../../src/domain/workflow-view";
import { T0 } from "./factories";

const replacement = (completed: string[] = []): WorkflowProgress => ({
  id: "replacement",
  version: 1,
  startedAt: T0,
  reason: "rules",
  completed: Object.fromEntries(completed.map((id) => [id, { by: "human" as const, at: T0 }])),
  denied: null,
});
const slots = {
  order_id: { value: "W1001", source: "text" as const, at: T0 },
  photos: { value: "1 photo", source: "text" as const, at: T0 },
  items: { value: "lamp", source: "text" as const, at: T0 },
};

describe("a later contact on a weaker channel sees where the thread stands", () => {
  it("the chat customer's medium moved the thread to the approval; the low caller sees the approval, and what they lack", () => {
    const caller = workflowView(replacement(), slots, "low", "ai", "medium");
    expect(caller.currentStep).toBe("approve_replacement");
    expect(caller.status).toBe("waiting_on_human");
    expect(caller.steps.find((s) => s.id === "verify_order_access")?.status).toBe("done");
    expect(caller.contactNeeds).toBe("medium");
    // The approval itself is still held back for a contact below its level.
    expect(caller.actions.find((a) => a.action === "approve")).toMatchObject({
      permitted: false,
      needs: "medium",
    });
  });

  it("no step after the current one is done while an earlier one is current", () => {
    const caller = workflowView(replacement(["approve_replacement"]), slots, "low", "ai", "medium");
    const current = caller.steps.findIndex((s) => s.status === "current");
    expect(caller.steps[current]?.id).toBe("ship_replacement");
    expect(caller.steps.slice(current + 1).every((s) => s.status !== "done")).toBe(true);
  });

  it("a contact at the thread's level needs nothing more", () => {
    const customer = workflowView(replacement(), slots, "medium", "ai", "medium");
    expect(customer.currentStep).toBe("approve_replacement");
    expect(customer.contactNeeds).toBeNull();
  });

  it("a thread nobody has verified yet waits at its verify step for everyone", () => {
    const caller = workflowView(replacement(), slots, "low", "ai", "low");
    expect(caller.currentStep).toBe("verify_order_access");
    expect(caller.status).toBe("waiting_on_customer");
    expect(caller.contactNeeds).toBe("medium");
  });
});
