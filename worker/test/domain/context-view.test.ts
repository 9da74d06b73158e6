import { describe, expect, it } from "vitest";
import { contextView } from "../../src/domain/context-view";
import {
  artifactAdded,
  controlChanged,
  hoursAfter,
  joined,
  projected,
  signal,
  threadEvents,
  ticketChanged,
} from "./factories";

const phoneC1 = signal({ kind: "phone", hash: "p1", masked: "+1 ••• ••• 0100", owners: ["C-1"] });
const orderC1 = signal({ kind: "order", hash: "o1", masked: "18422", owners: ["C-1"] });
const unknownEmail = signal({ kind: "email", hash: "e1", masked: "j***@example.com", owners: [] });

function story() {
  return projected([
    ...threadEvents({
      contactId: "session:WC-1",
      at: hoursAfter(0),
      channel: "web_chat",
      signals: [phoneC1, orderC1],
    }),
    joined({
      contactId: "ticket:101",
      at: hoursAfter(1),
      channel: "email",
      links: [{ kind: "ticket", id: "101" }],
      stitch: { action: "attach", reason: "same_order" },
    }),
    ticketChanged({ ticketId: "101", at: hoursAfter(1), status: "open", assigneeId: "A-7" }),
    artifactAdded({
      contactId: "ticket:101",
      at: hoursAfter(1),
      channel: "email",
      artifact: { kind: "photo", url: "u1", sha256: "sha-1" },
    }),
    ...threadEvents({
      contactId: "session:VC-2",
      at: hoursAfter(2),
      channel: "voice",
      signals: [signal({ kind: "phone", hash: "p2", owners: ["C-2"] }), unknownEmail],
    }),
    controlChanged({ at: hoursAfter(3), owner: "human" }),
  ]);
}

describe("context view: what the sidebar renders for one contact", () => {
  it("shows the thread and the asking contact's identity", () => {
    const view = contextView(story(), "session:WC-1", 9);
    expect(view.thread).toMatchObject({
      id: "THR-1",
      status: "open",
      customerId: "C-1",
      openedAt: hoursAfter(0),
      lastEventAt: hoursAfter(3),
    });
    expect(view.identity).toMatchObject({
      level: "medium",
      contactId: "session:WC-1",
      channel: "web_chat",
      customerId: "C-1",
      support: ["order", "phone"],
      conflict: null,
      candidates: [],
      verification: null,
    });
  });

  it("lists identifiers masked, with whether they matched, never raw", () => {
    const view = contextView(story(), "session:VC-2", 9);
    expect(view.identity.identifiers).toEqual([
      { kind: "phone", masked: "masked(p2)", matched: true, source: "channel" },
      { kind: "email", masked: "j***@example.com", matched: false, source: "channel" },
    ]);
  });

  it("shows a conflicting contact at low with candidates and the risk flag", () => {
    const view = contextView(story(), "session:VC-2", 9);
    expect(view.identity.level).toBe("low");
    expect(view.identity.customerId).toBeNull();
    expect(view.identity.candidates).toEqual(["C-1", "C-2"]);
    expect(view.riskFlags).toEqual(["identity_conflict"]);
    expect(view.risks[0]).toMatchObject({ flag: "identity_conflict", contactId: "session:VC-2" });
  });

  it("marks which ticket and session belong to the asking contact", () => {
    const byEmail = contextView(story(), "ticket:101", 9);
    expect(byEmail.tickets).toEqual([
      {
        id: "101",
        channel: "email",
        status: "open",
        assigneeId: "A-7",
        satisfaction: null,
        current: true,
      },
    ]);
    expect(byEmail.sessions.every((s) => !s.current)).toBe(true);

    const byChat = contextView(story(), "session:WC-1", 9);
    expect(byChat.tickets[0]?.current).toBe(false);
    expect(byChat.sessions.find((s) => s.id === "WC-1")).toEqual({
      id: "WC-1",
      channel: "web_chat",
      current: true,
      // A chat the generic channel reported, not the Worker's own page: nobody writes into it here.
      chatPage: false,
    });
  });

  it("lists every contact with its level, the channels used, artifacts and control", () => {
    const view = contextView(story(), "session:WC-1", 9);
    expect(view.contacts.map((c) => [c.id, c.channel, c.level])).toEqual([
      ["session:WC-1", "web_chat", "medium"],
      ["ticket:101", "email", "unknown"],
      ["session:VC-2", "voice", "low"],
    ]);
    expect(view.channels).toEqual(["web_chat", "email", "voice"]);
    expect(view.artifacts).toEqual([
      { kind: "photo", url: "u1", sha256: "sha-1", at: hoursAfter(1), channel: "email" },
    ]);
    expect(view.control).toBe("human");
  });

  it("carries the version as the offset to catch up from", () => {
    const view = contextView(story(), "session:WC-1", 42);
    expect(view.version).toBe(42);
    expect(view.offset).toBe(42);
  });

  it("falls back to the newest contact when asked about one it does not know", () => {
    const view = contextView(story(), "session:NOPE", 1);
    expect(view.identity.contactId).toBe("session:VC-2");
  });

  it("an empty thread renders as unknown", () => {
    const view = contextView(projected([]), "session:WC-1", 0);
    expect(view.identity).toMatchObject({
      level: "unknown",
      contactId: "session:WC-1",
      customerId: null,
      identifiers: [],
    });
    expect(view.riskFlags).toEqual([]);
    expect(view.thread.status).toBe("open");
  });
});
