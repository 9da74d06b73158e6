import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { planAgentRun } from "../../src/domain/agent/plan-run";
import { askSecondSignal } from "../../src/domain/agent/replies";
import type { Signal } from "../../src/domain/identity-level";
import { WORKFLOW_IDS } from "../../src/domain/intent";
import type { ThreadState } from "../../src/domain/thread-state";
import { CUSTOMER_TEXTS, orderCardArb } from "./agent-arbitraries";
import {
  CUSTOMER,
  customerSays,
  factsOf,
  found,
  order,
  OTHER_CUSTOMER,
  replyOf,
  replyText,
  runInput,
  threadWith,
  typesOf,
  type ThreadSpec,
  type Turn,
} from "./agent-factories";
import { joined, observed, signal, T0 } from "./factories";

const STRANGER = "session:WC-9";
/** The order on the customer's thread (`threadWith` gives its contact the same one). */
const theOrder = signal({ kind: "order", hash: "order-C-1", masked: "W1202", owners: [CUSTOMER] });
const theirEmail = signal({ kind: "email", hash: "email-C-1", owners: [CUSTOMER] });

/** The customer's thread (their own contact is at medium), joined by a web chat with `signals`. */
function withStranger(spec: ThreadSpec = {}, signals: Signal[] = [theOrder]): ThreadState {
  return threadWith({
    ...spec,
    extra: [
      ...(spec.extra ?? []),
      joined({
        contactId: STRANGER,
        at: T0,
        channel: "web_chat",
        links: [{ kind: "session", id: "WC-9" }],
        stitch: { action: "attach", reason: "same_order" },
      }),
      observed({ contactId: STRANGER, at: T0, signals }),
    ],
  });
}

/** The stranger writes on web chat; a reply can only go to the customer's ticket #101. */
const strangerSays = (state: ThreadState, text: string, turn: Turn = {}) =>
  customerSays(state, text, {
    contactId: STRANGER,
    channel: "web_chat",
    delivery: { conversationId: null, ticketId: "101" },
    ...turn,
  });

/** Anything a reply could give away about an order. */
function orderFactsIn(reply: string): string[] {
  const facts = [
    "Zephyr Toaster",
    "Mug",
    "Plate",
    "1ZSECRET99",
    "UPS",
    "delivered",
    "processed",
    "cancelled",
    "shipped",
    "return window",
    "Order #",
    "resolved",
  ];
  return facts.filter((f) => reply.includes(f));
}

describe("the agent asks an unconfirmed contact for a second signal, and reveals nothing (DESIGN §4)", () => {
  it("on the customer's replacement, it asks for the email or the name and zip instead of going on", () => {
    const state = withStranger({
      workflow: "replacement",
      slots: { order_id: "W1202", photos: "2 photos" },
    });
    const { plan, after } = strangerSays(state, "Where is my toaster from order W1202?", {
      order: found(),
    });
    expect(replyText(plan)).toBe(askSecondSignal(false));
    expect(replyText(plan)).toMatch(/email address on the order, or the name and zip code/);
    expect(typesOf(plan)).not.toContain("slots.filled");
    expect(typesOf(plan)).not.toContain("workflow.step_completed");
    expect(typesOf(plan)).not.toContain("verification.requested");
    expect(plan.outbound).toEqual([]);
    expect(plan.decisions.verificationPrompt).toBe(true);
    expect(after.slots).toEqual(state.slots);
  });

  it("property: whatever it writes and whatever the order, nothing is revealed, done or started", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...CUSTOMER_TEXTS),
        orderCardArb,
        fc.option(fc.constantFrom(...WORKFLOW_IDS), { nil: undefined }),
        fc.boolean(),
        (text, orderCard, workflow, autoReply) => {
          const state = withStranger(workflow ? { workflow, slots: { order_id: "W1202" } } : {});
          const { plan } = strangerSays(state, text, { order: orderCard, autoReply });
          const reply = replyText(plan);
          expect(orderFactsIn(reply)).toEqual([]);
          expect(typesOf(plan)).not.toContain("workflow.started");
          expect(typesOf(plan)).not.toContain("workflow.step_completed");
          expect(typesOf(plan)).not.toContain("slots.filled");
          expect(typesOf(plan)).not.toContain("verification.requested");
          // The customer's ticket is not where a stranger is answered.
          expect(plan.outbound).toEqual([]);
          expect(replyOf(plan)?.delivery).toBe("draft");
          if (!plan.handedOff) expect(reply).toContain(askSecondSignal(false));
        },
      ),
      { numRuns: 300 },
    );
  });

  it("a hard stop in its words still hands the thread to a person", () => {
    const { plan } = strangerSays(
      withStranger({ workflow: "refund" }),
      "I disputed the charge for order W1202 with my bank.",
    );
    expect(plan.handedOff).toBe("payment_dispute");
    expect(orderFactsIn(replyText(plan))).toEqual([]);
  });

  it("a person asking to verify it sends no code through its own channel; the agent asks for the second signal", () => {
    const state = withStranger({ workflow: "address_change", slots: { order_id: "W1202" } });
    const plan = planAgentRun(
      runInput(state, {
        verificationWanted: STRANGER,
        delivery: { conversationId: "CONV-9", ticketId: null },
      }),
    );
    expect(factsOf(plan, "verification.requested")).toEqual([]);
    expect(plan.outbound.filter((o) => o.kind === "code")).toEqual([]);
    expect(replyText(plan)).toBe(askSecondSignal(false));
  });

  it("once it gave something that did not agree, it is told so, without saying which detail failed", () => {
    const nobody = signal({ kind: "email", hash: "email-nobody", owners: [] });
    const { plan } = strangerSays(withStranger({}, [theOrder, nobody]), "It's j@example.com");
    expect(replyText(plan)).toBe(askSecondSignal(true));
    const conflicting = signal({ kind: "email", hash: "email-other", owners: [OTHER_CUSTOMER] });
    const { plan: again } = strangerSays(
      withStranger({}, [theOrder, conflicting]),
      "It's x@example.com",
    );
    expect(replyText(again)).toBe(askSecondSignal(true));
  });

  it("with the customer's email agreeing, it is the customer: the agent goes on", () => {
    const state = withStranger({ workflow: "order_status", slots: { order_id: "W1202" } }, [
      theOrder,
      theirEmail,
    ]);
    const { plan } = strangerSays(state, "Where is it?", {
      order: found(order({ status: "processed" })),
    });
    expect(replyText(plan)).toContain("Order #W1202");
    expect(replyText(plan)).not.toContain(askSecondSignal(false));
  });

  it("alone on a thread of its own, its request is named, nothing more", () => {
    const state = threadWith({
      contactId: STRANGER,
      channel: "web_chat",
      level: "unknown",
      extra: [observed({ contactId: STRANGER, at: T0, signals: [theOrder] })],
    });
    const { plan, after } = strangerSays(state, "Where is my order W1202?", { order: found() });
    expect(factsOf(plan, "workflow.started").map((f) => f.workflow)).toEqual(["order_status"]);
    expect(after.workflow?.completed).toEqual({});
    expect(replyText(plan)).toBe(askSecondSignal(false));
  });
});
