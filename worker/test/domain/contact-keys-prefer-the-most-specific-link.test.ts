import { describe, expect, it } from "vitest";
import { contactKey, linksOf } from "../../src/domain/channel-event";

describe("a contact is keyed by its most specific link", () => {
  it("a session id wins over a ticket id", () => {
    expect(
      contactKey({ source: "sunco", eventId: "e1", sessionId: "conv-1", ticketId: "101" }),
    ).toBe("session:conv-1");
  });

  it("a ticket without a session is keyed by the ticket", () => {
    expect(contactKey({ source: "zendesk", eventId: "e1", ticketId: "101" })).toBe("ticket:101");
  });

  it("an event with neither is its own contact, named by source and event id", () => {
    expect(contactKey({ source: "channel", eventId: "e1" })).toBe("event:channel:e1");
    expect(contactKey({ source: "zendesk", eventId: "e1" })).not.toBe(
      contactKey({ source: "channel", eventId: "e1" }),
    );
  });

  it("links list the session and the ticket the event carries", () => {
    expect(linksOf({ sessionId: "VC-1", ticketId: "103" })).toEqual([
      { kind: "session", id: "VC-1" },
      { kind: "ticket", id: "103" },
    ]);
    expect(linksOf({})).toEqual([]);
  });
});
