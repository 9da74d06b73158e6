import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { applyEvents } from "../../src/domain/thread-state";
import { play, scenarioArb } from "./agent-arbitraries";
import {
  customerSays,
  factsOf,
  held,
  minutesAfter,
  NEW_CODE_HASH,
  replyOf,
  threadWith,
  typesOf,
} from "./agent-factories";
import { controlChanged, POLICY } from "./factories";

describe("the agent is silent while a person has control (issue 3)", () => {
  it("records the workflow and slots, replies nothing and sends nothing", () => {
    const state = threadWith({ control: "human" });
    const { plan, after } = customerSays(
      state,
      "I'd like a refund for order W5521, the shoes don't fit.",
      { modelSlots: held({ items: "Shoes" }) },
    );
    expect(typesOf(plan)).toEqual(["workflow.started", "slots.filled", "agent.run_completed"]);
    expect(plan.outbound).toEqual([]);
    expect(after.workflow?.id).toBe("refund");
    expect(after.slots.items?.value).toBe("Shoes");
    expect(after.slots.order_id?.value).toBe("W5521");
    expect(after.agent.replies).toEqual([]);
  });

  it("does not hand off again or ask anything at a step that would", () => {
    const state = threadWith({
      control: "human",
      workflow: "replacement",
      slots: { order_id: "18422", photos: "1 photo", items: "Mug" },
    });
    const { plan } = customerSays(state, "hello?");
    expect(plan.handedOff).toBeNull();
    expect(plan.decisions.asked).toEqual([]);
    expect(replyOf(plan)).toBeNull();
  });

  it("speaks again once the person hands the thread back", () => {
    const silent = customerSays(threadWith({ control: "human" }), "Where is my toaster?");
    expect(replyOf(silent.plan)).toBeNull();
    const back = applyEvents(
      silent.after,
      [controlChanged({ at: minutesAfter(5), owner: "ai", reason: "handed back by A-7" })],
      POLICY,
    );
    const { plan } = customerSays(back, "Still there?", { at: minutesAfter(6) });
    expect(replyOf(plan)?.delivery).toBe("messaging");
    expect(plan.outbound.map((o) => o.kind)).toEqual(["reply"]);
  });

  it("still judges a code the customer sends: a match is recorded for the person", () => {
    const state = threadWith({
      control: "human",
      workflow: "password_reset",
      pendingCode: "otp-hash-1",
    });
    const { plan, after } = customerSays(state, "482913", {
      at: minutesAfter(2),
      codeAttempt: "otp-hash-1",
    });
    expect(factsOf(plan, "verification.passed")).toHaveLength(1);
    expect(replyOf(plan)).toBeNull();
    expect(after.contacts[0]?.resolution.level).toBe("high");
  });

  it("property: with a person in control, no run replies or sends a reply", () => {
    fc.assert(
      fc.property(scenarioArb({ control: ["human"] }), (s) => {
        const { plan, after } = play(s);
        expect(factsOf(plan, "agent.replied")).toEqual([]);
        expect(plan.outbound.filter((o) => o.kind === "reply")).toEqual([]);
        expect(factsOf(plan, "control.changed")).toEqual([]);
        expect(after.control).toBe("human");
      }),
      { numRuns: 300 },
    );
  });

  // KNOWN BUG (reported): an expired code arriving while a person has control still makes the
  // agent request a new code, so a code message goes out with no explanation while the person is
  // handling the thread. Flip to `it` once fixed.
  it("sends no new code while a person has control (known bug)", () => {
    const state = threadWith({
      control: "human",
      workflow: "password_reset",
      pendingCode: "otp-hash-1",
    });
    const { plan } = customerSays(state, "482913", {
      at: minutesAfter(30),
      codeAttempt: "otp-hash-1",
      newCodeHash: NEW_CODE_HASH,
    });
    expect(plan.outbound).toEqual([]);
    expect(factsOf(plan, "verification.requested")).toEqual([]);
  });
});
