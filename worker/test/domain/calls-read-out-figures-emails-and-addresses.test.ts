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
