import { describe, expect, it } from "vitest";
import { conversationsSeenBy, visibleTo } from "../../src/domain/live-session";
import type { ThreadEvent } from "../../src/domain/thread-events";
import type { ContactState } from "../../src/domain/thread-state/state";

const at = "2026-03-01T10:00:00.000Z";

/** Only what deciding who sees what reads of a contact. */
function contact(
  id: string,
  fields: { origin?: string; level?: "low" | "medium" | "high"; unconfirmed?: boolean } = {},
): ContactState {
  return {
    id,
    origin: fields.origin ?? "webchat",
    resolution: { level: fields.level ?? "low" },
    // A verification on record: the customer proved who they were on this contact once.
    verifications: fields.level === "high" ? [{ method: "one_time_code", passedAt: at }] : [],
    ...(fields.unconfirmed && { unconfirmed: "order_only" }),
  } as unknown as ContactState;
}

const said = (contactId: string): ThreadEvent => ({
  key: `k-${contactId}`,
  group: "g",
  part: 0,
  at,
  type: "message.received",
  contactId,
  channel: "web_chat",
  author: "customer",
  text: "hello",
  public: true,
  orderIds: [],
});

describe("whose conversation a customer on the chat page sees", () => {
  const laptop = contact("laptop", { level: "high" });
  const email = contact("email", { origin: "zendesk", level: "medium" });
  const stranger = contact("stranger", { unconfirmed: true });
  // Someone typed her email on another browser and never proved it.
  const claimed = contact("claimed", { level: "medium" });

  it("is only this visit's until the customer has proved who they are on it", () => {
    for (const level of ["low", "medium"] as const) {
      const phone = contact("phone", { level });
      expect(conversationsSeenBy({ contacts: [laptop, email, phone] }, "phone")).toEqual(["phone"]);
    }
  });

  it("takes in their earlier visits on the chat page once they have, never another channel's, an unconfirmed contact's, or one where someone only typed her email", () => {
    const phone = contact("phone", { level: "high" });
    const seen = conversationsSeenBy(
      { contacts: [laptop, email, stranger, claimed, phone] },
      "phone",
    );
    expect(seen).toEqual(["phone", "laptop"]);
    const customer = { role: "customer" as const, participantId: "phone" };
    expect(visibleTo(customer, said("laptop"), seen)).toBe(true);
    expect(visibleTo(customer, said("email"), seen)).toBe(false);
    expect(visibleTo(customer, said("stranger"), seen)).toBe(false);
    expect(visibleTo(customer, said("claimed"), seen)).toBe(false);
    expect(visibleTo(customer, said("laptop"))).toBe(false);
  });
});
