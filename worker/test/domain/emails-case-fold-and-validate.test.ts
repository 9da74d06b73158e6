import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { normalizeEmail } from "../../src/domain/identifiers";

describe("emails are case-folded and validated", () => {
  it("folds case and trims, so one mailbox has one canonical form", () => {
    expect(normalizeEmail("  Jane.Doe@Example.COM ")).toBe("jane.doe@example.com");
    expect(normalizeEmail("JANE.DOE@EXAMPLE.COM")).toBe(normalizeEmail("jane.doe@example.com"));
  });

  it("folds compatibility characters (full-width letters) to their plain form", () => {
    // NFKC: "ｊａｎｅ" (full-width) is the same text as "jane".
    expect(normalizeEmail("ｊａｎｅ@example.com")).toBe("jane@example.com");
  });

  it.each([
    ["no @", "jane.example.com"],
    ["no domain dot", "jane@localhost"],
    ["a space inside", "jane doe@example.com"],
    ["two @", "jane@doe@example.com"],
    ["empty", ""],
  ])("rejects %s", (_what, raw) => {
    expect(normalizeEmail(raw)).toBeNull();
  });

  it("is idempotent for any text that normalises", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 30 }), (text) => {
        const once = normalizeEmail(text);
        if (once !== null) expect(normalizeEmail(once)).toBe(once);
      }),
      { numRuns: 300 },
    );
  });

  it("is idempotent and case-blind for address-shaped input", () => {
    const part = fc.string({ unit: "grapheme-ascii", minLength: 1, maxLength: 10 });
    fc.assert(
      fc.property(part, part, part, (local, domain, tld) => {
        const raw = `${local}@${domain}.${tld}`;
        const once = normalizeEmail(raw);
        if (once === null) return;
        expect(normalizeEmail(once)).toBe(once);
        expect(once).toBe(once.toLowerCase());
        expect(normalizeEmail(raw.toUpperCase())).toBe(once);
      }),
      { numRuns: 300 },
    );
  });
});
