import { describe, expect, it } from "vitest";
import { acceptGroundedPhrasing } from "../../src/agent/language-model";

const cite = "https://acme.zendesk.com/hc/en-us/articles/501";
const passage =
  "Standard delivery takes 4–6 business days; express takes 2. We ship from our warehouse in Ohio.";
const template = `Standard delivery takes 4–6 business days; express takes 2. More in our Help Center: "Shipping times" ${cite}`;
const grounding = { passages: [passage], cite };

describe("a language model's wording of an answer from knowledge", () => {
  it("is kept when it says what the passage says and keeps the link", () => {
    const reply = `Good question! Standard delivery takes 4 to 6 business days, and express delivery takes 2. Details: ${cite}`;
    expect(acceptGroundedPhrasing(reply, template, grounding)).toBe(reply);
  });

  it("is dropped when it brings a number the passage does not have", () => {
    const reply = `Standard delivery takes 4–6 business days; express takes 1. See ${cite}`;
    expect(acceptGroundedPhrasing(reply, template, grounding)).toBeNull();
  });

  it("is dropped when it adds a claim of its own", () => {
    const reply = `Standard delivery takes 4–6 business days. Orders over fifty dollars get free gift wrapping and priority handling. See ${cite}`;
    expect(acceptGroundedPhrasing(reply, template, grounding)).toBeNull();
  });

  it("is dropped when the citation is lost", () => {
    expect(
      acceptGroundedPhrasing("Standard delivery takes 4–6 business days.", template, grounding),
    ).toBeNull();
  });
});
