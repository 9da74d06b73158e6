import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { redactText } from "../../src/domain/extraction";
import { findEmails, findPhones, PhoneSearch } from "../../src/domain/language/contact-details";
import { orderCandidates } from "../../src/domain/language/order-references";
import { findReferences } from "../../src/domain/language/references";
import { maskEmail, maskPhone } from "../../src/domain/identifiers";

const redact = (text: string, country?: string) => redactText(text, new PhoneSearch(country));

function findPhonesAndEmails(text: string) {
  return {
    emails: findEmails(text).map((e) => e.email),
    phones: findPhones(text).map((p) => p.e164),
    // Order candidates as the reader proposes them: never inside an email or a phone number.
    orderIds: findReferences(text, "web_chat").orders.map((c) => c.id),
  };
}

describe("text redaction masks contact details", () => {
  it("masks an email address to its display form", () => {
    expect(redact("mail me at Jane.Doe@Example.com please")).toBe(
      `mail me at ${maskEmail("jane.doe@example.com")} please`,
    );
  });

  it("masks an international phone number to its display form", () => {
    expect(redact("call +1 (415) 555-0100 today")).toBe(`call ${maskPhone("+14155550100")} today`);
  });

  it("keeps the meaning: order ids and ordinary words survive", () => {
    const redacted = redact("Order #18422 arrived broken, call +1 415 555 0100");
    expect(redacted).toContain("Order #18422 arrived broken");
    expect(orderCandidates(redacted).map((c) => c.id)).toEqual(["18422"]);
  });

  it("masks a national number in the tenant's country", () => {
    expect(redact("ring me on (415) 555-0100 after six", "US")).toBe(
      `ring me on ${maskPhone("+14155550100")} after six`,
    );
  });

  it("leaves text without contact details unchanged", () => {
    expect(redact("The lamp arrived broken. Total $35.00 on 2026-03-01.")).toBe(
      "The lamp arrived broken. Total $35.00 on 2026-03-01.",
    );
  });

  it("masks a phone number that is followed by another number", () => {
    // A greedy match would read "+1 415 555 0100 2" as one (impossible) number and keep it raw.
    const redacted = redact("call +1 415 555 0100 2 times");
    expect(findPhones(redacted)).toEqual([]);
    expect(redacted).not.toContain("555 0100");
    expect(redacted).toBe(`call ${maskPhone("+14155550100")} 2 times`);
  });

  it("is idempotent: redacting redacted text changes nothing", () => {
    const once = redact("Jane@Example.com, +44 20 7946 0958, order #18422");
    expect(redact(once)).toBe(once);
  });

  const local = fc.stringMatching(/^[a-z][a-z0-9._]{0,10}[a-z0-9]$/);
  const domain = fc.stringMatching(/^[a-z][a-z0-9-]{0,8}[a-z0-9]\.(com|org|co\.uk|de)$/);
  const usNumber = fc.integer({ min: 2_000_000_000, max: 9_899_999_999 }).map((n) => `+1${n}`);

  it("no email or phone it can find survives redaction", () => {
    fc.assert(
      fc.property(
        local,
        domain,
        usNumber,
        fc.constantFrom("Hi", "Re: order #18422.", "thanks"),
        (user, host, phone, filler) => {
          const text = `${filler} ${user}@${host} ${phone} ${filler}`;
          const found = findPhonesAndEmails(text);
          const redacted = redact(text);
          const after = findPhonesAndEmails(redacted);
          expect(after.emails).toEqual([]);
          expect(after.phones).toEqual([]);
          for (const email of found.emails) expect(redacted.toLowerCase()).not.toContain(email);
          for (const p of found.phones) expect(redacted).not.toContain(p);
          expect(after.orderIds).toEqual(found.orderIds);
        },
      ),
      { numRuns: 200 },
    );
  });
});
