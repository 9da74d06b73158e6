import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readMessage } from "../../src/domain/language/read-message";

// Disputes told different ways, each beside the money back it is about.
const DISPUTES = fc.constantFrom(
  "I've asked my bank to reverse the charge",
  "my card company is disputing the payment",
  "I never authorised this charge and I've raised a chargeback",
  "you charged me twice and my bank is investigating",
);
const MONEY_BACK = fc.constantFrom(
  "I want my money back",
  "please refund me",
  "refund the duplicate",
  "I expect a full refund",
);
const CHANNELS = fc.constantFrom("web_chat" as const, "email" as const, "whatsapp" as const);

describe("the money back a dispute asks for is the dispute, not a second request", () => {
  it("reads a dispute with its refund as one billing dispute and a hard stop", () => {
    fc.assert(
      fc.property(DISPUTES, MONEY_BACK, fc.boolean(), CHANNELS, (dispute, back, first, ch) => {
        const text = first ? `${dispute}. ${back}.` : `${back}. ${dispute}.`;
        const reading = readMessage(text, ch);
        expect(reading.intents).toEqual(["billing_dispute"]);
        expect(reading.hardStops).toContain("payment_dispute");
      }),
      { numRuns: 100 },
    );
  });

  it("still hears a refund when no payment is disputed", () => {
    fc.assert(
      fc.property(MONEY_BACK, CHANNELS, (back, ch) => {
        expect(readMessage(`The jacket came torn. ${back}.`, ch).intents).toContain("refund");
      }),
      { numRuns: 30 },
    );
  });
});
