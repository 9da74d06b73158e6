import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { findReferences } from "../../src/domain/language/references";

const ids = fc.oneof(
  fc.integer({ min: 1_000_000, max: 9_999_999 }).map((n) => `W${n}`),
  fc.integer({ min: 10_000, max: 99_999 }).map(String),
  fc.integer({ min: 1_000, max: 9_999 }).map((n) => `#${n}`),
  fc.integer({ min: 10_000, max: 99_999 }).map((n) => `ORD-${n}`),
);
const two = fc.tuple(ids, ids).filter(([a, b]) => a.replace("#", "") !== b.replace("#", ""));
const canonical = (id: string) => id.replace("#", "").toUpperCase();
const proposed = (text: string) => findReferences(text, "web_chat", "US").orders.map((o) => o.id);

describe("a customer who corrects an order number", () => {
  it("means the number they corrected it to, however they take the first back", () => {
    const corrections = fc.constantFrom(
      (wrong: string, right: string) => `order ${wrong}... sorry, ${right}. still not here`,
      (wrong: string, right: string) => `${wrong} no wait ${right}, it came broken`,
      (wrong: string, right: string) => `it's ${right}, not ${wrong}. where is it?`,
      (wrong: string, right: string) => `the order is ${right} (not ${wrong} as I wrote before)`,
      (wrong: string, right: string) => `order ${wrong}, I mean ${right}, arrived damaged`,
      (wrong: string, right: string) => `${wrong} - correction: ${right}. can I return it`,
      (wrong: string, right: string) => `oops typo, ${wrong} should be... ${right}`,
      (wrong: string, right: string) => `please check ${right} rather than ${wrong}`,
    );
    fc.assert(
      fc.property(two, corrections, ([wrong, right], say) => {
        const found = proposed(say(wrong, right));
        expect(found).toContain(canonical(right));
        expect(found).not.toContain(canonical(wrong));
      }),
      { numRuns: 300 },
    );
  });

  it("keeps both numbers when nothing is taken back", () => {
    const both = fc.constantFrom(
      (a: string, b: string) => `orders ${a} and ${b} never came`,
      (a: string, b: string) => `order ${a} is late and so is order ${b}`,
      (a: string, b: string) => `refund ${a} please, and where is order ${b}?`,
      (a: string, b: string) =>
        `my orders #${a.replace("#", "")}, #${b.replace("#", "")} are missing`,
    );
    fc.assert(
      fc.property(two, both, ([a, b], say) => {
        const found = proposed(say(a, b));
        expect(found).toEqual(expect.arrayContaining([canonical(a), canonical(b)]));
      }),
      { numRuns: 300 },
    );
  });
});
