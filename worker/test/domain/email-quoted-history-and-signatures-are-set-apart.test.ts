import { describe, expect, it } from "vitest";
import { splitEmail } from "../../src/domain/language/email-body";
import { readMessage } from "../../src/domain/language/read-message";
import { findReferences } from "../../src/domain/language/references";

const GREETINGS = ["Hi,", "Hello team,", "Dear Sir/Madam,", ""];
const NEW_TEXT = [
  "Thanks, that all worked out.",
  "Perfect, thank you for sorting it so quickly.",
  "Got it, cheers!",
];
const SIGN_OFFS = ["Thanks,", "Best regards,", "Cheers", "Kind regards"];
const QUOTES = [
  (old: string) =>
    `On Mon, 2 Mar 2026 at 09:14, Support <help@shop.example> wrote:\n> ${old}\n> Best, Support`,
  (old: string) =>
    `-----Original Message-----\nFrom: Support <help@shop.example>\nSent: Monday, March 2, 2026 9:14 AM\nSubject: Your order\n\n${old}`,
  (old: string) => `> ${old}`,
  (old: string) => `Le lun. 2 mars 2026 à 09:14, Support <help@shop.example> a écrit :\n> ${old}`,
];
const OLD_REQUESTS = [
  "I would like a refund for order #W1111111.",
  "Please change the delivery address for order 55102.",
  "My account was hacked and someone changed my email.",
];

function email(greeting: string, text: string, signOff: string, quote: string): string {
  return [greeting, "", text, "", signOff, "Maya Ortiz", "+1 415 555 0100", "", quote]
    .filter((l, i) => i > 0 || l)
    .join("\n");
}

describe("an email's quoted history and signature are set apart from what is new", () => {
  it("an old request in the quoted history is never read as a new one", () => {
    for (const greeting of GREETINGS)
      for (const text of NEW_TEXT)
        for (const signOff of SIGN_OFFS)
          for (const quote of QUOTES)
            for (const old of OLD_REQUESTS) {
              const body = email(greeting, text, signOff, quote(old));
              const reading = readMessage(body, "email");
              expect(reading.intents, body).toEqual([]);
              expect(reading.hardStops, body).toEqual([]);
              expect(findReferences(body, "email").orders, body).toEqual([]);
              expect(reading.quoted).toContain(old.slice(0, 20));
            }
  });

  it("the signature still says who is writing and how to reach them", () => {
    for (const signOff of SIGN_OFFS) {
      const body = email("Hi,", NEW_TEXT[1]!, signOff, QUOTES[0]!(OLD_REQUESTS[0]!));
      const parts = splitEmail(body);
      expect(parts.signature).toContain("Maya Ortiz");
      expect(parts.body).not.toContain("Maya Ortiz");
      const refs = findReferences(body, "email", "US");
      expect(refs.phones).toEqual(["+14155550100"]);
      expect(refs.names.map((n) => n.name)).toContain("Maya Ortiz");
    }
  });

  it("an order line in the signature names the order, whatever its letters", () => {
    for (const signOff of SIGN_OFFS)
      for (const [line, id] of [
        ["Order Z9031447", "Z9031447"],
        ["Order: 2K-40918", "2K-40918"],
        ["Ref: W4471210", "W4471210"],
        ["Order no. 55102", "55102"],
      ] as const) {
        const body = `Hi,\n\nIt still hasn't come.\n\n${signOff}\nMaya Ortiz\n${line}`;
        expect(
          findReferences(body, "email", "US").orders.map((o) => o.id),
          body,
        ).toContain(id);
      }
  });

  it("a sentence that starts with thanks is text, not a sign-off", () => {
    const parts = splitEmail(
      "Thanks for the quick reply! The lamp is still broken though.\n\nMaya",
    );
    expect(parts.body).toContain("The lamp is still broken");
  });
});
