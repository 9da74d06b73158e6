import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { findReferences } from "../../src/domain/language/references";

const cueOf = (text: string, id: string) =>
  findReferences(text, "web_chat", "US").orders.find((o) => o.id === id)?.cue ?? "absent";

const figures = fc.integer({ min: 10_000, max: 99_999 }).map(String);

describe("an order cue", () => {
  it("reaches the figure past the words people put between ('order number is', 'order, it's')", () => {
    const said = fc.constantFrom(
      (n: string) => `the order number is ${n}`,
      (n: string) => `My order ID was ${n} I think`,
      (n: string) => `about the order, it's ${n}`,
      (n: string) => `order no ${n}`,
      // The stop of an abbreviation ends no sentence.
      (n: string) => `an order (no. ${n}) I never placed`,
      (n: string) => `Order Nr. ${n}`,
      (n: string) => `ref. ${n}`,
    );
    fc.assert(
      fc.property(figures, said, (n, form) => {
        expect(cueOf(form(n), n)).toBe("word");
      }),
    );
  });

  it("does not reach across a line break to the figure before it", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1_000_000_000, max: 9_999_999_999 }), (n) => {
        const text = `IMEI/serial: SN${n}\nOrder: #8831`;
        expect(cueOf(text, `SN${n}`)).toBe("absent");
        expect(cueOf(text, "8831")).toBe("hash");
      }),
    );
  });

  it("after a figure, belongs to the figure that follows it when there is one", () => {
    fc.assert(
      fc.property(figures, fc.integer({ min: 1_000_000, max: 9_999_999 }), (zip, id) => {
        const text = `Lukas ${zip} order W${id} status?`;
        expect(cueOf(text, zip)).not.toBe("word");
        expect(cueOf(text, `W${id}`)).toBe("word");
        // With nothing after it, "the 55120 order" still cues the figure before.
        expect(cueOf(`is the ${zip} order shipped`, zip)).toBe("word");
      }),
    );
  });
});
