import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { findInText } from "../../src/domain/extraction";

describe("order ids are found in customer text", () => {
  it.each([
    ["Calling about order #18422", ["18422"]],
    ["my order W5521 arrived broken", ["W5521"]],
    ["Order no. 123456 is late", ["123456"]],
    ["order number: 778899", ["778899"]],
    ["ORDER ID 4455", ["4455"]],
    ["see #18422 please", ["18422"]],
    ["(#18422)", ["18422"]],
  ])("%j names %j", (text, ids) => {
    expect(findInText(text).orderIds).toEqual(ids);
  });

  it("folds case so the same order matches whatever the customer typed", () => {
    expect(findInText("order w5521").orderIds).toEqual(["W5521"]);
  });

  it("reports each order once, however often it is mentioned", () => {
    expect(findInText("order #18422 ... again, #18422, Order 18422").orderIds).toEqual(["18422"]);
  });

  it("finds several different orders in mention order", () => {
    expect(findInText("order #18422 and order #18423").orderIds).toEqual(["18422", "18423"]);
  });

  it.each([
    ["a price", "I paid $18422 for it"],
    ["a year", "bought in 2024"],
    ["a bare number", "my code is 18422"],
    ["a number too short", "order #12"],
    ["'order' inside another word", "reorder 18422"],
    ["a hash inside a word", "issue#18422"],
  ])("does not mistake %s for an order", (_what, text) => {
    expect(findInText(text).orderIds).toEqual([]);
  });

  it("finds any order id written as '#<digits>' in a sentence", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 100, max: 999_999_999 }),
        fc.constantFrom("", "Hi, ", "About ", "Re: "),
        fc.constantFrom("", " please", ", thanks.", "?"),
        (n, before, after) => {
          expect(findInText(`${before}#${n}${after}`).orderIds).toEqual([String(n)]);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe("contact details are found in text", () => {
  it("finds emails, case-folded", () => {
    expect(findInText("write to Jane.Doe@Example.COM.").emails).toEqual(["jane.doe@example.com"]);
  });

  it("finds international phone numbers written with separators, as E.164", () => {
    expect(findInText("call +1 (415) 555-0100 or +44 20 7946 0958").phones).toEqual([
      "+14155550100",
      "+442079460958",
    ]);
  });

  it("finds nothing in text without contact details", () => {
    expect(findInText("The lamp arrived broken.")).toEqual({
      orderIds: [],
      emails: [],
      phones: [],
    });
  });
});
