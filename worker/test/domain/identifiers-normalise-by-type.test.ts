import { describe, expect, it } from "vitest";
import {
  hashInput,
  IDENTIFIER_TYPES,
  normalizeIdentifier,
  normalizeOrderId,
  type NormalizeResult,
} from "../../src/domain/identifiers";

function identifier(result: NormalizeResult) {
  if (!result.ok) throw new Error(`expected a normalised identifier, got: ${result.reason}`);
  return result.identifier;
}

describe("identifiers normalise by type", () => {
  it("order ids drop the leading '#' and fold case", () => {
    expect(normalizeOrderId("#18422")).toBe("18422");
    expect(normalizeOrderId(" w5521 ")).toBe("W5521");
    expect(normalizeOrderId("#w5521")).toBe(normalizeOrderId("W5521"));
  });

  it.each(["", "#", "##18422", "-18422", "18 422", "a".repeat(65)])(
    "rejects order id %j",
    (raw) => {
      expect(normalizeOrderId(raw)).toBeNull();
    },
  );

  it("order ids stay readable: they are not personal data", () => {
    expect(identifier(normalizeIdentifier({ type: "order", value: "#18422" }))).toEqual({
      kind: "order",
      value: "18422",
      masked: "18422",
    });
  });

  it("chat sessions and call ids are link keys of kind 'session'", () => {
    expect(identifier(normalizeIdentifier({ type: "chat_session", value: " WC-9931 " })).kind).toBe(
      "session",
    );
    expect(identifier(normalizeIdentifier({ type: "call_id", value: "VC-18b9" }))).toMatchObject({
      kind: "session",
      value: "VC-18b9",
    });
  });

  it("external and Zendesk user ids keep their kind and are masked", () => {
    const external = identifier(normalizeIdentifier({ type: "external_id", value: "crm-778812" }));
    expect(external.kind).toBe("external_id");
    expect(external.value).toBe("crm-778812");
    expect(external.masked).not.toContain("778812");
    expect(identifier(normalizeIdentifier({ type: "zendesk_user", value: "9001" })).kind).toBe(
      "zendesk_user",
    );
  });

  it("an email is stored case-folded with a masked display form", () => {
    expect(identifier(normalizeIdentifier({ type: "email", value: "Jane@Example.com" }))).toEqual({
      kind: "email",
      value: "jane@example.com",
      masked: "j***@example.com",
    });
  });

  it("a phone uses the default country only for national numbers", () => {
    expect(
      identifier(normalizeIdentifier({ type: "phone", value: "(415) 555-0100" }, "US")).value,
    ).toBe("+14155550100");
  });

  it.each([
    ["email", "not-an-email"],
    ["phone", "12"],
    ["whatsapp", "abc"],
    ["order", "#"],
    ["chat_session", "   "],
    ["call_id", ""],
    ["external_id", " "],
    ["zendesk_user", ""],
  ] as const)("rejects a bad %s with a reason", (type, value) => {
    const result = normalizeIdentifier({ type, value });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).not.toBe("");
  });

  it("accepts every documented identifier type", () => {
    const samples: Record<(typeof IDENTIFIER_TYPES)[number], string> = {
      email: "a@b.co",
      phone: "+14155550100",
      whatsapp: "14155550100",
      chat_session: "WC-1",
      call_id: "VC-1",
      external_id: "X-1",
      zendesk_user: "9001",
      order: "18422",
    };
    for (const type of IDENTIFIER_TYPES) {
      expect(normalizeIdentifier({ type, value: samples[type] }).ok).toBe(true);
    }
  });

  it("the hash input includes the kind, so equal values of different kinds never collide", () => {
    const ext = identifier(normalizeIdentifier({ type: "external_id", value: "18422" }));
    const order = identifier(normalizeIdentifier({ type: "order", value: "18422" }));
    const user = identifier(normalizeIdentifier({ type: "zendesk_user", value: "18422" }));
    expect(new Set([hashInput(ext), hashInput(order), hashInput(user)]).size).toBe(3);
  });
});
