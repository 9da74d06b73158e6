import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { writtenForm } from "../../src/domain/language/spoken";
import { findReferences } from "../../src/domain/language/references";

const DIGITS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"];

/** Read a figure out the way callers do: digit by digit, "oh" for zero, "double" for a pair. */
function readOut(figure: string, style: number): string {
  const out: string[] = [];
  for (let i = 0; i < figure.length; i++) {
    const d = Number(figure[i]);
    if (style % 2 === 1 && figure[i + 1] === figure[i]) {
      out.push(`double ${DIGITS[d]}`);
      i++;
    } else out.push(d === 0 && style % 3 === 0 ? "oh" : DIGITS[d]!);
  }
  return out.join(" ");
}

describe("a call's transcript reads as the customer meant it", () => {
  it("an order number read out digit by digit, with or without its letters, is found", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1_000_000, max: 9_999_999 }).map(String),
        fc.nat(5),
        fc.constantFrom(
          (d: string) => `um yeah it's order w ${d} and it never came`,
          (d: string) => `the order number is w as in william ${d}`,
          (d: string) => `uh order ${d} never arrived`,
        ),
        (figure, style, say) => {
          const text = say(readOut(figure, style));
          const ids = findReferences(text, "voice").orders.map((c) => c.id);
          expect(ids.some((id) => id.endsWith(figure))).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });

  it("a zip read out is a zip, and a postcode spelt out is a postcode", () => {
    expect(writtenForm("my zip is three oh three oh three")).toBe("my zip is 30303");
    expect(writtenForm("postcode s w one a one a a")).toBe("postcode sw1a1aa");
    expect(writtenForm("postal code m five v three l nine")).toBe("postal code m5v3l9");
  });

  it("a postcode spelt out ends where it is whole, even when the next sentence opens with 'i' or 'a'", () => {
    const letter = fc.constantFrom(..."bcdefghjklmnprstuvwxy");
    const digit = fc.integer({ min: 0, max: 9 }).map(String);
    const postcodes = fc.oneof(
      // UK: "sw1a 2bb", "le4 9jq", "l15 8hx".
      fc
        .tuple(fc.array(letter, { minLength: 1, maxLength: 2 }), digit, digit, letter, letter)
        .map(([area, d1, d2, l1, l2]) => `${area.join("")}${d1}${d2}${l1}${l2}`),
      // Canadian: "h2x 1y4".
      fc.tuple(letter, digit, letter, digit, letter, digit).map((parts) => parts.join("")),
      // Irish: "d6w xy72".
      fc
        .tuple(letter, digit, fc.constantFrom("w", "1", "5"), letter, letter, digit, digit)
        .map((parts) => parts.join("")),
    );
    const readChar = (c: string) => (/\d/.test(c) ? DIGITS[Number(c)]! : c);
    const next = fc.constantFrom(
      "i want a refund",
      "i ordered a lamp",
      "a parcel came",
      "and the order is late",
    );
    fc.assert(
      fc.property(postcodes, next, (code, rest) => {
        const spoken = [...code].map(readChar).join(" ");
        expect(writtenForm(`my postcode is ${spoken} ${rest}`)).toBe(
          `my postcode is ${code} ${rest}`,
        );
      }),
      { numRuns: 300 },
    );
  });

  it("an email read out is an email", () => {
    for (const [said, email] of [
      ["rosa dot diaz at gmail dot com", "rosa.diaz@gmail.com"],
      ["d a n i e l underscore cho at g mail dot com", "daniel_cho@gmail.com"],
      ["ben dot carter ninety at outlook dot com", "ben.carter90@outlook.com"],
    ])
      expect(findReferences(`my email is ${said} thanks`, "voice").emails).toEqual([email]);
  });

  it("a house number read out before a street is a figure; everyday counting stays words", () => {
    expect(writtenForm("send it to nine hundred elm avenue")).toBe("send it to 900 elm avenue");
    expect(writtenForm("it's two twenty one b baker street")).toBe("it's 221 b baker street");
    expect(writtenForm("I need a new one, two of them broke")).toBe(
      "I need a new one, two of them broke",
    );
  });

  it("fillers and hedges are dropped, meaning kept", () => {
    expect(writtenForm("um so yeah I uh want a refund you know")).toBe("I want a refund");
  });
});
