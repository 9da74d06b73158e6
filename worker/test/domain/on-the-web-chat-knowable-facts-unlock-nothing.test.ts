import { describe, expect, it } from "vitest";
import { disclosureLevel, permits } from "../../src/domain/agent/policy";

describe("what a contact's level allows on the web chat page", () => {
  it("treats two knowable facts as one, and a verification as a verification", () => {
    expect(permits(disclosureLevel("medium", true), "order_details")).toBe(false);
    expect(disclosureLevel("medium", true)).toBe("low");
    expect(disclosureLevel("high", true)).toBe("high");
    expect(disclosureLevel("unknown", true)).toBe("unknown");
    // Every other channel keeps DESIGN §4's levels.
    expect(disclosureLevel("medium", false)).toBe("medium");
    expect(permits(disclosureLevel("medium", false), "order_details")).toBe(true);
  });
});
