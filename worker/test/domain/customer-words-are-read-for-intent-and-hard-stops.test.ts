import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Channel } from "../../src/domain/channel-event";
import type { WorkflowId } from "../../src/domain/intent";
import { classifyIntent, readMessage } from "../../src/domain/language/read-message";

// Pools of ways to say each part of a request; messages are built from them, never written whole.
const ASK: Record<Exclude<WorkflowId, "billing_dispute">, string[]> = {
  refund: ["I want a refund", "can I get my money back", "please reimburse me", "refund me please"],
  replacement: [
    "please send a replacement",
    "can you send me a new one",
    "I need a replacement sent",
    "please replace it",
  ],
  return_exchange: [
    "I want to return it",
    "can I exchange it for a bigger size",
    "I need a return label",
    "how do I send it back",
  ],
  order_status: [
    "where is my order",
    "when will it arrive",
    "has it shipped yet",
    "can you give me the tracking",
  ],
  password_reset: [
    "I can't log in to my account",
    "I forgot my password",
    "I'm locked out of my account",
    "please reset my password",
  ],
  address_change: [
    "please change the delivery address",
    "can you ship it to my office instead",
    "I need it redirected to my new address",
    "could it go to my work rather than home",
  ],
  warranty_claim: [
    "it stopped working after 5 months, is it under warranty",
    "I'd like a warranty repair",
    "can you fix it under the guarantee",
    "it broke after a year of use, warranty claim please",
  ],
};
const OPENERS = ["", "Hi, ", "hello team. ", "Good morning! ", "so "];
const CLOSERS = ["", ".", " thanks", "!!", " please help", " 🙏"];
const CHANNELS: Channel[] = ["web_chat", "email", "voice", "whatsapp", "messaging"];

const DISPUTES = fc
  .tuple(
    fc.constantFrom("my bank", "my card company", "PayPal", "Visa", "my credit card provider"),
    fc.constantFrom(
      "is reversing",
      "is disputing",
      "has opened a chargeback for",
      "is investigating",
    ),
    fc.constantFrom("the payment", "the charge", "this transaction", "what I paid"),
  )
  .map(([who, act, what]) => `${who} ${act} ${what}`);

describe("the workflow a customer asks for", () => {
  // The public journeys' own wording (DESIGN §11 examples).
  it.each<[string, WorkflowId]>([
    ["My order #18422 arrived damaged. I uploaded photos. I want a replacement.", "replacement"],
    ["I'd like a refund for order W5521, the shoes don't fit.", "refund"],
    ["The kettle from order W1201 leaks. Can I return it?", "return_exchange"],
    ["Where is my toaster? Order W1202.", "order_status"],
    ["Please change the shipping address on order W9002.", "address_change"],
    ["I disputed the charge for order W3300 with my bank. Stop charging me.", "billing_dispute"],
  ])("%j → %s", (text, workflow) => {
    expect(classifyIntent(text)).toBe(workflow);
  });

  // Every combination of the pools is read, not a sample: the reader is deterministic, and a
  // failure names the exact message.
  const cases = Object.entries(ASK).flatMap(([w, asks]) =>
    asks.map((a) => [w as WorkflowId, a] as const),
  );

  it("is read the same whatever greeting, closing and channel surround the request", () => {
    const wrong: string[] = [];
    for (const [workflow, ask] of cases)
      for (const open of OPENERS)
        for (const close of CLOSERS)
          for (const channel of CHANNELS) {
            const text = `${open}${ask}${close}`;
            if (readMessage(text, channel).intents[0] !== workflow)
              wrong.push(`${channel}: ${text}`);
          }
    expect(wrong).toEqual([]);
  });

  it("survives lower case, no punctuation and one slip of the keyboard", () => {
    const wrong: string[] = [];
    for (const [workflow, ask] of cases) {
      // Swap two adjacent letters inside the longest word (of six letters or more: shorter words
      // sit too close to others for any reader to repair).
      const words = ask
        .toLowerCase()
        .replace(/[^a-z ]/g, "")
        .split(" ");
      const longest = words.reduce((a, b) => (b.length > a.length ? b : a));
      if (longest.length < 6) continue;
      for (let at = 1; at < longest.length - 2; at++) {
        const slipped =
          longest.slice(0, at) + longest[at + 1] + longest[at] + longest.slice(at + 2);
        const text = words.map((w) => (w === longest ? slipped : w)).join(" ");
        if (!readMessage(text, "web_chat").intents.includes(workflow)) wrong.push(text);
      }
    }
    expect(wrong).toEqual([]);
  });

  it("asks for nothing in a greeting, a thank-you or a question about policy", () => {
    for (const text of [
      "Hello",
      "ok thanks",
      "thank you, that's all",
      "What's your return policy?",
      "how long does shipping usually take",
      "When are you open?",
    ])
      expect(classifyIntent(text), text).toBeNull();
  });

  it("respects a negation: 'not X, just Y' asks for Y", () => {
    const pairs: [WorkflowId, string, WorkflowId, string][] = [
      ["refund", "a refund", "replacement", "a replacement"],
      ["replacement", "a new one", "refund", "my money back"],
      ["refund", "the money back", "return_exchange", "to swap it for a bigger size"],
      ["return_exchange", "to return it", "replacement", "the missing part sent"],
    ];
    const frames = [
      "I don't want X, I just want Y",
      "not X, just Y please",
      "no X needed, I'd rather have Y",
    ];
    for (const [notWanted, x, wanted, y] of pairs)
      for (const frame of frames) {
        const intents = readMessage(frame.replace("X", x).replace("Y", y), "web_chat").intents;
        expect(intents[0]).toBe(wanted);
        expect(intents).not.toContain(notWanted);
      }
  });

  it("finds two requests in one message, each in its own clause", () => {
    const keys = Object.keys(ASK) as (keyof typeof ASK)[];
    const wrong: string[] = [];
    for (const a of keys)
      for (const b of keys) {
        // "Replace it" beside a warranty claim is how a warranty claim is asked, not a second one.
        if (
          a === b ||
          (new Set([a, b]).has("warranty_claim") && new Set([a, b]).has("replacement"))
        )
          continue;
        for (const x of ASK[a])
          for (const y of ASK[b]) {
            const intents = readMessage(`${x}. Also, ${y}.`, "email").intents;
            if (!intents.includes(a) || !intents.includes(b)) wrong.push(`${x}. Also, ${y}.`);
          }
      }
    expect(wrong).toEqual([]);
  });

  it("a payment dispute anywhere makes it a billing dispute and a hard stop", () => {
    const other = fc.constantFrom(
      "",
      "I want a refund.",
      "It arrived damaged, please send a replacement.",
      "Where is my order?",
      "Can I return it?",
    );
    fc.assert(
      fc.property(other, DISPUTES, other, fc.constantFrom(...CHANNELS), (before, d, after, ch) => {
        const reading = readMessage(`${before} ${d}. ${after}`, ch);
        expect(reading.intents[0]).toBe("billing_dispute");
        expect(reading.hardStops).toContain("payment_dispute");
      }),
      { numRuns: 200 },
    );
  });
});
