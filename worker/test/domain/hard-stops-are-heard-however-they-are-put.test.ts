import { describe, expect, it } from "vitest";
import type { Channel } from "../../src/domain/channel-event";
import { readMessage } from "../../src/domain/language/read-message";

// Each hard stop is built from parts said many ways; the near misses share its words.
const CHANNELS: Channel[] = ["web_chat", "email", "voice", "whatsapp"];
const combine = (...parts: string[][]): string[] =>
  parts.reduce<string[]>((acc, part) => acc.flatMap((a) => part.map((p) => `${a}${p}`)), [""]);

const stopsOf = (text: string, channel: Channel) => readMessage(text, channel).hardStops;

describe("hard stops are heard however they are put (DESIGN §5)", () => {
  it("a payment contested with a bank or card company", () => {
    const said = combine(
      ["I've asked ", "I've told ", "I rang ", "I'm going to get "],
      ["my bank ", "my card issuer ", "Amex ", "PayPal "],
      [
        "to reverse the payment",
        "to claw back the charge",
        "about this charge, they are investigating",
      ],
    );
    for (const text of said)
      for (const channel of CHANNELS)
        expect(stopsOf(text, channel), text).toContain("payment_dispute");
  });

  it("a charge nobody agreed to, or taken twice", () => {
    const said = combine(
      ["There's a ", "I see a ", "Why is there a "],
      ["charge ", "payment ", "transaction "],
      ["I never authorised", "I didn't agree to", "taken twice for one order", "I don't recognise"],
    );
    for (const text of said) expect(stopsOf(text, "email"), text).toContain("payment_dispute");
  });

  it("someone else in the account", () => {
    const said = combine(
      ["Someone ", "A stranger ", "Somebody "],
      [
        "changed the email on my account",
        "is using my account",
        "logged into my account",
        "ordered stuff on my account",
      ],
      ["", " and it wasn't me", ", please lock it"],
    );
    for (const text of said)
      for (const channel of CHANNELS)
        expect(stopsOf(text, channel)[0], text).toBe("suspected_takeover");
  });

  it("advice only a licensed professional should give", () => {
    const said = [
      ...combine(
        ["Is it safe to take ", "Can I give ", "What dose of "],
        ["the melatonin ", "these vitamins ", "the supplement "],
        ["with my blood pressure medication?", "while I'm pregnant?", "to my 3 year old?"],
      ),
      ...combine(
        ["Should I ", "Can I ", "Do I have grounds to "],
        ["sue the courier?", "take you to small claims court?"],
      ),
      ...combine(["Can I deduct ", "Is "], ["this purchase on my tax return?"]),
    ];
    for (const text of said) expect(stopsOf(text, "web_chat"), text).toContain("regulated_advice");
  });

  it("no hard stop in near misses that share their words", () => {
    const said = [
      ...combine(
        ["What's your policy on ", "What happens if a customer files "],
        ["chargebacks?", "a chargeback?"],
      ),
      ...combine(
        ["Can the refund go ", "Please send the money "],
        ["to my bank account", "back to my PayPal"],
      ),
      ...combine(["My bank sorted it, ", "PayPal closed the case, "], ["all good now", "thanks"]),
      ...combine(
        ["I changed my ", "I reset my ", "I updated my "],
        ["password", "email", "phone number"],
        [" myself, just letting you know", " myself this morning, all fine"],
      ),
      ...combine(
        ["Is the ", "Are the "],
        ["pan ", "mug ", "lunchbox "],
        ["dishwasher safe?", "microwave safe?"],
      ),
      ...combine(
        ["Is this ", "Is the "],
        ["suitcase ", "bag "],
        ["legal carry-on size?", "legal cabin size?"],
      ),
      ...combine(
        ["The charger ", "The battery ", "The cable "],
        ["is broken", "won't hold a charge", "stopped charging"],
      ),
      ...combine(
        ["I'm sick of ", "I'm tired of "],
        ["waiting for my order", "chasing this parcel"],
      ),
    ];
    for (const text of said) expect(stopsOf(text, "web_chat"), text).toEqual([]);
  });

  it("a dispute the customer says they are not making is no dispute", () => {
    for (const text of combine(
      ["I'm not disputing ", "I don't want to dispute "],
      ["the charge", "it with my bank"],
      [", just refund me", ", I only want a replacement"],
    ))
      expect(stopsOf(text, "web_chat"), text).not.toContain("payment_dispute");
  });
});
