import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  classifyIntent,
  detectRegulatedAdvice,
  detectTakeover,
  type WorkflowId,
} from "../../src/domain/intent";

describe("intent classification over the eight workflows (issue 3)", () => {
  const examples: [string, WorkflowId][] = [
    ["I disputed the charge for order W5521 with my bank.", "billing_dispute"],
    ["My order #18422 arrived damaged. I uploaded photos. I want a replacement.", "replacement"],
    ["I'd like a refund for order W5521, the shoes don't fit.", "refund"],
    ["The kettle from order W1201 leaks. Can I return it?", "return_exchange"],
    ["Where is my toaster? Order W1202.", "order_status"],
    ["Please change the shipping address on order W9002.", "address_change"],
    [
      "My espresso machine from order W7781 stopped heating. It's under warranty, here is the invoice.",
      "warranty_claim",
    ],
    ["I forgot my password", "password_reset"],
    ["Where is my order W4410? It says processed for days.", "order_status"],
    ["I was charged twice for the same order", "billing_dispute"],
    ["I'm locked out of my account", "password_reset"],
  ];
  for (const [text, workflow] of examples)
    it(`"${text}" → ${workflow}`, () => {
      expect(classifyIntent(text)).toBe(workflow);
    });

  it("nothing when the message names no request", () => {
    for (const text of [
      "Hello",
      "What are your opening hours?",
      "ok thanks",
      "What's your return policy?",
    ])
      expect(classifyIntent(text)).toBeNull();
  });

  describe("priority: the first matching workflow wins", () => {
    it("a dispute is never read as a refund", () => {
      expect(classifyIntent("I disputed the charge and I want my refund")).toBe("billing_dispute");
    });
    it("a warranty repair asking for money back is a warranty claim", () => {
      expect(classifyIntent("It's under warranty, I want my money back")).toBe("warranty_claim");
    });
    it("a damaged item with a refund request is a refund", () => {
      expect(classifyIntent("It arrived damaged, I want a refund")).toBe("refund");
    });
    it("a password reset comes before an address change", () => {
      expect(classifyIntent("I forgot my password and need to change my address")).toBe(
        "password_reset",
      );
    });

    it("property: a chargeback anywhere in the message makes it a billing dispute", () => {
      const other = fc.constantFrom(
        "",
        "I want a refund.",
        "It arrived damaged, please send a replacement.",
        "Where is my order?",
        "Can I return it?",
        "It's under warranty.",
        "Please change the shipping address.",
      );
      const dispute = fc.constantFrom(
        "I filed a chargeback.",
        "I disputed the payment with my bank.",
        "There is an unauthorized charge on my card.",
        "You double charged me.",
      );
      fc.assert(
        fc.property(other, dispute, other, (before, d, after) => {
          expect(classifyIntent(`${before} ${d} ${after}`)).toBe("billing_dispute");
        }),
        { numRuns: 200 },
      );
    });
  });

  describe("hard-stop detectors", () => {
    it("suspected takeover", () => {
      for (const text of [
        "Someone else has access to my account",
        "My account was hacked",
        "I didn't place this order",
        "It was not me who changed it",
      ])
        expect(detectTakeover(text), text).toBe(true);
      for (const text of ["I forgot my password", "I placed this order yesterday"])
        expect(detectTakeover(text), text).toBe(false);
    });

    it("medical, legal or financial advice", () => {
      for (const text of [
        "Is it safe to use while pregnant?",
        "What dosage should I take?",
        "I had an allergic reaction",
        "I'll talk to my lawyer",
      ])
        expect(detectRegulatedAdvice(text), text).toBe(true);
      for (const text of ["Is the kettle safe to descale?", "My order arrived damaged"])
        expect(detectRegulatedAdvice(text), text).toBe(false);
    });
  });
});
