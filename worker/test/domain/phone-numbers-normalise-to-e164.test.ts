import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  hashInput,
  normalizeIdentifier,
  normalizePhone,
  normalizeWhatsapp,
} from "../../src/domain/identifiers";

// E.164 shape: a plus, then digits only, the first not zero. (libphonenumber's metadata allows a
// few national numbers longer than E.164's fifteen digits, so the length is not pinned here.)
const E164 = /^\+[1-9]\d+$/;

describe("phone numbers normalise to E.164", () => {
  it.each([
    ["+14155550100", "+14155550100"],
    ["+1 415 555 0100", "+14155550100"],
    ["+1 (415) 555-0100", "+14155550100"],
    ["  +1 415.555.0100  ", "+14155550100"],
    ["+44 20 7946 0958", "+442079460958"],
    ["+44 (0) 20 7946 0958", "+442079460958"],
  ])("international %j becomes %s", (raw, e164) => {
    expect(normalizePhone(raw)).toBe(e164);
  });

  it("reads a national number in the default country", () => {
    expect(normalizePhone("(415) 555-0100", "US")).toBe("+14155550100");
    expect(normalizePhone("020 7946 0958", "GB")).toBe("+442079460958");
  });

  it("ignores the default country when the number carries its own country code", () => {
    expect(normalizePhone("+1 415 555 0100", "GB")).toBe("+14155550100");
  });

  it.each([
    ["a national number with no country to read it in", "4155550100", undefined],
    ["too few digits", "+1 555", undefined],
    ["too many digits for the country", "+1 415 555 0100 12", undefined],
    ["words", "call me maybe", "US"],
    ["empty", "", "US"],
  ])("rejects %s", (_what, raw, country) => {
    expect(normalizePhone(raw, country)).toBeNull();
  });

  it("treats a WhatsApp id as the same phone number, with or without '+'", () => {
    expect(normalizeWhatsapp("14155550100")).toBe("+14155550100");
    expect(normalizeWhatsapp("+14155550100")).toBe("+14155550100");
    expect(normalizeWhatsapp("12345")).toBeNull();
    expect(normalizeWhatsapp("1415555O100")).toBeNull();
  });

  it("hashes a WhatsApp id and the same phone number identically", () => {
    const phone = normalizeIdentifier({ type: "phone", value: "+1 415 555 0100" });
    const whatsapp = normalizeIdentifier({ type: "whatsapp", value: "14155550100" });
    expect(phone.ok && whatsapp.ok).toBe(true);
    if (!phone.ok || !whatsapp.ok) return;
    expect(whatsapp.identifier.kind).toBe("phone");
    expect(hashInput(whatsapp.identifier)).toBe(hashInput(phone.identifier));
  });

  const countryCode = fc.constantFrom("1", "44", "49", "33", "61", "81", "91", "55", "34", "7");
  const digits = fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 4, maxLength: 13 });
  const separator = fc.constantFrom("", "", " ", "-", ".");

  // The national part starts with 1-9. With a leading zero libphonenumber may strip a trunk
  // prefix it finds after the country code ("+61 0000000" → "+61000000" → "+6100000"); no real
  // number looks like that, and the report describes it.
  const nationalDigits = fc
    .tuple(fc.integer({ min: 1, max: 9 }), digits)
    .map(([first, rest]) => [first, ...rest]);

  it("is idempotent: an E.164 output normalises to itself, whatever the default country", () => {
    fc.assert(
      fc.property(
        countryCode,
        nationalDigits,
        fc.constantFrom(undefined, "US", "GB", "DE"),
        (code, ds, country) => {
          const once = normalizePhone(`+${code}${ds.join("")}`);
          fc.pre(once !== null);
          expect(once).toMatch(E164);
          expect(normalizePhone(once!)).toBe(once);
          expect(normalizePhone(once!, country)).toBe(once);
        },
      ),
      { numRuns: 400 },
    );
  });

  it("does not depend on how the digits are grouped", () => {
    fc.assert(
      fc.property(
        countryCode,
        fc.array(fc.tuple(fc.integer({ min: 0, max: 9 }), separator), {
          minLength: 4,
          maxLength: 13,
        }),
        (code, groups) => {
          const plain = `+${code}${groups.map(([d]) => d).join("")}`;
          const spaced = `+${code} ${groups.map(([d, sep]) => `${d}${sep}`).join("")}`;
          expect(normalizePhone(spaced)).toBe(normalizePhone(plain));
        },
      ),
      { numRuns: 300 },
    );
  });
});
