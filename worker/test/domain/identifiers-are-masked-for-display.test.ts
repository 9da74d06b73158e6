import { describe, expect, it } from "vitest";
import { maskEmail, maskOpaque, maskPhone } from "../../src/domain/identifiers";

describe("identifiers are masked for display (DESIGN §4)", () => {
  it("an email keeps its first letter and its domain", () => {
    expect(maskEmail("jane.doe@example.com")).toBe("j***@example.com");
  });

  it("a phone keeps its country code and last four digits", () => {
    expect(maskPhone("+14155550100")).toBe("+1 ••• ••• 0100");
    expect(maskPhone("+442079460958")).toBe("+44 ••• ••• 0958");
  });

  it("the masked phone does not contain the subscriber digits", () => {
    expect(maskPhone("+14155550100")).not.toContain("555");
  });

  it("an opaque id keeps only its first and last two characters", () => {
    expect(maskOpaque("crm-778812")).toBe("cr••••12");
  });

  it("a short opaque id reveals nothing", () => {
    expect(maskOpaque("9001")).toBe("••••");
    expect(maskOpaque("ab")).toBe("••••");
  });
});
