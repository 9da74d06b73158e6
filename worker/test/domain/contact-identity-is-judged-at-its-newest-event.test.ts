import { describe, expect, it } from "vitest";
import { hoursAfter, linked, message, projected, signal, threadEvents } from "./factories";

const phone = signal({ kind: "phone", owners: ["C-1"] });

describe("a contact's identity is judged at its newest event time", () => {
  const verifiedChat = threadEvents({
    contactId: "session:WC-1",
    at: hoursAfter(0),
    signals: [phone],
    verifiedAt: hoursAfter(0),
  });

  it("a message after the verification expired decays the level", () => {
    const state = projected([
      ...verifiedChat,
      message({ contactId: "session:WC-1", at: hoursAfter(25) }),
    ]);
    const contact = state.contacts[0]!;
    expect(contact.lastAt).toBe(hoursAfter(25));
    expect(contact.resolution.level).toBe("low");
  });

  it("a ticket linked to the contact after the verification expired decays the level too", () => {
    const state = projected([
      ...verifiedChat,
      linked({
        contactId: "session:WC-1",
        at: hoursAfter(25),
        link: { kind: "ticket", id: "101" },
      }),
    ]);
    const contact = state.contacts[0]!;
    expect(contact.lastAt).toBe(hoursAfter(25));
    expect(contact.links).toContainEqual({ kind: "ticket", id: "101" });
    expect(contact.resolution.verification?.expired).toBe(true);
    expect(contact.resolution.level).toBe("low");
  });

  it("an event of another contact does not move this contact's clock", () => {
    const state = projected([
      ...verifiedChat,
      ...threadEvents({
        contactId: "session:VC-2",
        at: hoursAfter(30),
        channel: "voice",
        signals: [phone],
      }),
    ]);
    const chat = state.contacts.find((c) => c.id === "session:WC-1")!;
    expect(chat.lastAt).toBe(hoursAfter(0));
    expect(chat.resolution.level).toBe("high");
  });
});
