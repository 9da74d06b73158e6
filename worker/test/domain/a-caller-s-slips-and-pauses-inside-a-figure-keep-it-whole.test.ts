import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { findReferences } from "../../src/domain/language/references";
import { writtenForm } from "../../src/domain/language/spoken";

const DIGITS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"];

/** One typing or transcription slip in a number word: a doubled, dropped or swapped letter. */
function slip(word: string, kind: number, at: number): string {
  const k = at % (word.length - 1);
  if (kind === 0) return word.slice(0, k + 1) + word[k] + word.slice(k + 1);
  if (kind === 1 && word.length >= 4) return word.slice(0, k) + word.slice(k + 1);
  return word.slice(0, k) + word[k + 1] + word[k] + word.slice(k + 2);
}

const realWords = new Set(["for", "fore", "to", "too", "on", "even", "seen", "tree", "fie", "sex"]);

describe("a caller's slips and pauses inside a figure keep it whole", () => {
  it("a number word with one slip, or a 'like' between digits, is still its digit", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1_000_000, max: 9_999_999 }).map(String),
        fc.nat({ max: 5 }),
        fc.nat({ max: 2 }),
        fc.nat({ max: 9 }),
        fc.boolean(),
        fc.constantFrom(
          (d: string) => `uh order w ${d} never arrived`,
          (d: string) => `the tracking for w ${d} hasn't updated`,
          (d: string) => `so it's w ${d} and it came broken`,
        ),
        (figure, where, kind, at, hesitate, say) => {
          const words = [...figure].map((d) => DIGITS[Number(d)]!);
          // The slip lands after the first digit: a figure begun, as a speaker slips mid-way.
          const k = 1 + where;
          const slipped = slip(words[k]!, kind, at);
          fc.pre(!realWords.has(slipped) && !DIGITS.includes(slipped));
          words[k] = hesitate ? `like ${slipped}` : slipped;
          const ids = findReferences(say(words.join(" ")), "voice").orders.map((c) => c.id);
          expect(ids).toContain(`W${figure}`);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("a real word one slip from a number word is not read as one", () => {
    expect(writtenForm("order one two three for you")).toBe("order 123 for you");
    expect(writtenForm("it's four five six even so")).toBe("it's 456 even so");
    expect(writtenForm("one two three tree house")).toBe("123 tree house");
  });

  it("a hesitation between spelt letters and the figures keeps the code whole", () => {
    for (const filler of ["like", "um", "uh"])
      expect(
        findReferences(
          `order o r d ${filler} one four seven three eight. can you`,
          "voice",
        ).orders.map((c) => c.id),
      ).toContain("ORD14738");
  });

  it("a phone number read out in groups with pauses is a phone, never an order", () => {
    const digit = fc.constantFrom(...DIGITS);
    const group = (n: number) => fc.array(digit, { minLength: n, maxLength: n });
    fc.assert(
      fc.property(
        group(3),
        group(3),
        group(4),
        fc.constantFrom(
          (g: string) => `you can call me back on ${g}. it hasn't arrived`,
          (g: string) => `my number is ${g} thanks`,
          (g: string) => `reach me on ${g}, any time after six`,
        ),
        (a, b, c, say) => {
          const spoken = `four ${a.slice(1).join(" ")}, ${b.join(" ")}, ${c.join(" ")}`;
          expect(findReferences(say(spoken), "voice").orders).toEqual([]);
        },
      ),
      { numRuns: 200 },
    );
  });
});
