import { describe, expect, it } from "vitest";
import { attendanceFact, presence, visibleTo } from "../../src/domain/live-session";
import type { ThreadEvent } from "../../src/domain/thread-events";

const at = "2026-03-01T10:00:00.000Z";
const placed = { key: "k", group: "g", part: 0, at };
const mine = "contact-1";
const customer = { role: "customer" as const, participantId: mine };
const agent = { role: "agent" as const, participantId: "agent-7" };

const said = (contactId: string, isPublic = true): ThreadEvent => ({
  ...placed,
  type: "message.received",
  contactId,
  channel: "web_chat",
  author: "customer",
  text: "hello",
  public: isPublic,
  orderIds: [],
});
const replied = (contactId: string, delivery: "draft" | "messaging"): ThreadEvent => ({
  ...placed,
  type: "agent.replied",
  contactId,
  channel: "web_chat",
  text: "hi",
  delivery,
  purpose: "answer",
});
const signals: ThreadEvent = { ...placed, type: "identity.observed", contactId: mine, signals: [] };
const step: ThreadEvent = {
  ...placed,
  type: "workflow.step_completed",
  stepId: "approve",
  by: "human",
};

describe("what a live session shows each participant", () => {
  it("shows a customer their own words and what was sent to them, and nothing else of the thread", () => {
    expect(visibleTo(customer, said(mine))).toBe(true);
    expect(visibleTo(customer, replied(mine, "messaging"))).toBe(true);
    expect(visibleTo(customer, said("contact-2"))).toBe(false);
    expect(visibleTo(customer, said(mine, false))).toBe(false);
    expect(visibleTo(customer, replied(mine, "draft"))).toBe(false);
    expect(visibleTo(customer, signals)).toBe(false);
    expect(visibleTo(customer, step)).toBe(false);
    const joined = attendanceFact("joined", { ...agent, label: "sidebar", connection: "c-1" }, at);
    expect(visibleTo(customer, joined)).toBe(true);
  });

  it("shows agents and supervisors the whole log", () => {
    for (const event of [said("contact-2", false), replied(mine, "draft"), signals, step])
      expect(visibleTo(agent, event)).toBe(true);
  });

  it("lists who is present in order of arrival, once per person and device, without connection ids", () => {
    const listed = presence([
      { ...agent, label: "sidebar", connection: "b", since: "2026-03-01T10:00:02.000Z" },
      { ...agent, label: "sidebar", connection: "c", since: "2026-03-01T10:00:03.000Z" },
      { ...customer, label: "web chat", connection: "a", since: "2026-03-01T10:00:01.000Z" },
    ]);
    expect(listed).toEqual([
      {
        role: "customer",
        participantId: mine,
        label: "web chat",
        since: "2026-03-01T10:00:01.000Z",
      },
      {
        role: "agent",
        participantId: "agent-7",
        label: "sidebar",
        since: "2026-03-01T10:00:02.000Z",
      },
    ]);
  });

  it("gives an arrival and a departure keys of their connection, so a retried write keeps one", () => {
    const who = { ...agent, label: "sidebar", connection: "c-9" };
    expect(attendanceFact("joined", who, at).key).toBe(attendanceFact("joined", who, at).key);
    expect(attendanceFact("joined", who, at).key).not.toBe(attendanceFact("left", who, at).key);
  });
});
