import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { planContact } from "../../src/domain/contact-plan";
import { channelEvent, planInput, signal } from "./factories";

const everything = channelEvent({
  eventId: "evt-7",
  sessionId: "WC-1",
  ticketId: "101",
  message: { author: "customer", text: "order #18422", public: true },
  artifacts: [
    { kind: "photo", url: "https://f.example/1" },
    { kind: "photo", url: "https://f.example/2" },
  ],
  verification: { method: "otp", passedAt: channelEvent().occurredAt },
  ticket: { status: "open" },
  control: { owner: "human", reason: "asked for a person" },
});
const decision = {
  action: "new" as const,
  reason: "several_open_threads" as const,
  candidates: [{ threadId: "THR-9", reason: "open_thread" as const }],
};
const signals = [signal({ kind: "phone", owners: ["C-1"] })];

describe("contact plan keys are deterministic", () => {
  it("the same delivery always plans the same facts", () => {
    const input = planInput({ event: everything, decision, signals, orderIds: ["18422"] });
    expect(planContact(input)).toEqual(planContact(structuredClone(input)));
  });

  it("keys are unique within a delivery", () => {
    const keys = planContact(planInput({ event: everything, decision, signals })).map((e) => e.key);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("every fact of a delivery is stamped with the delivery's event time", () => {
    for (const fact of planContact(planInput({ event: everything, decision, signals }))) {
      expect(fact.at).toBe(everything.occurredAt);
    }
  });

  it("keys come from the sender's event id, not from where the contact was stitched", () => {
    const a = planContact(
      planInput({ event: everything, decision, signals, contactId: "session:WC-1" }),
    );
    const b = planContact(
      planInput({
        event: everything,
        decision: { action: "attach", threadId: "THR-2", reason: "only_open_thread" },
        signals,
        contactId: "session:WC-1",
      }),
    );
    expect(b.map((e) => e.key)).toEqual(
      a.map((e) => e.key).filter((k) => !k.endsWith("#candidates")),
    );
  });

  it("the same message seen in two deliveries is one fact", () => {
    const msg = { id: "m-77", author: "customer" as const, text: "hi", public: true };
    const keyOf = (eventId: string) =>
      planContact(
        planInput({ event: channelEvent({ source: "sunco", eventId, message: msg }) }),
      ).find((e) => e.type === "message.received")?.key;
    expect(keyOf("evt-a")).toBe(keyOf("evt-b"));
  });

  it("a contact joins once, whichever delivery introduces it", () => {
    const joinedKey = (eventId: string, contactId: string) =>
      planContact(planInput({ event: { ...everything, eventId }, contactId })).find(
        (e) => e.type === "contact.joined",
      )?.key;
    expect(joinedKey("evt-a", "session:WC-1")).toBe(joinedKey("evt-b", "session:WC-1"));
    expect(joinedKey("evt-a", "session:WC-1")).not.toBe(joinedKey("evt-a", "session:WC-2"));
  });

  it("property: different deliveries share no key but the contact's joining", () => {
    const id = fc.stringMatching(/^[A-Za-z0-9-]{1,10}$/);
    const source = fc.constantFrom("zendesk" as const, "sunco" as const, "channel" as const);
    fc.assert(
      fc.property(source, id, source, id, (s1, e1, s2, e2) => {
        fc.pre(s1 !== s2 || e1 !== e2);
        const plan = (source: typeof s1, eventId: string) =>
          planContact(planInput({ event: { ...everything, source, eventId }, decision, signals }))
            .filter((e) => e.type !== "contact.joined")
            .map((e) => e.key);
        const first = new Set(plan(s1, e1));
        for (const key of plan(s2, e2)) expect(first.has(key)).toBe(false);
      }),
      { numRuns: 200 },
    );
  });
});
