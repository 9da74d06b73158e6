import { describe, expect, it } from "vitest";
import { planLink, planUnlink, type LinkSide } from "../../src/domain/thread-linking";
import { project } from "../../src/domain/thread-state";
import type { ThreadEvent } from "../../src/domain/thread-events";
import { candidatesRecorded, hoursAfter, POLICY, signal, T0, threadEvents } from "./factories";

const maya = [signal({ kind: "email", owners: ["C-1"] })];

function side(id: string, events: ThreadEvent[]): LinkSide {
  return { state: project(id, events, POLICY), version: events.length, events };
}

const older = side("THR-OLDA", [
  ...threadEvents({ contactId: "session:WC-1", signals: maya, text: "order W1001 is late" }),
]);
const newer = side("THR-NEWB", [
  ...threadEvents({
    contactId: "ticket:153",
    at: hoursAfter(3),
    channel: "email",
    signals: maya,
    text: "any news?",
  }),
  candidatesRecorded({
    at: hoursAfter(3),
    candidates: [{ threadId: "THR-OLDA", reason: "open_thread" }],
  }),
]);
const BY = "human:agent-7";
const NOW = hoursAfter(4);

function messages(events: ThreadEvent[], id: string) {
  return project(id, events, POLICY).timeline.filter((e) => e.kind === "message");
}

describe("linking two threads a person says are one issue", () => {
  it("keeps the older thread and tells both stories in it, once each, in event time", () => {
    const plan = planLink(newer, older, BY, NOW, POLICY);
    if (!plan.ok) throw new Error(plan.reason);
    expect(plan.survivor.state.id).toBe("THR-OLDA");
    expect(plan.survivorState.contacts.map((c) => c.id)).toEqual(["session:WC-1", "ticket:153"]);
    expect(
      plan.survivorState.timeline.filter((e) => e.kind === "message").map((e) => e.text),
    ).toEqual(["Customer: order W1001 is late", "Customer: any news?"]);
    expect(plan.survivorState.linkedThreads).toEqual([{ threadId: "THR-NEWB", at: NOW, by: BY }]);
    expect(plan.absorbedState.mergedInto).toBe("THR-OLDA");
    // The agent does not answer the copied history as if it had just arrived.
    expect(plan.survivorState.agent.processedOffset).toBe(
      older.version + plan.survivorFacts.length,
    );
  });

  it("is the same whichever side the person starts from", () => {
    const fromNew = planLink(newer, older, BY, NOW, POLICY);
    const fromOld = planLink(older, newer, BY, NOW, POLICY);
    if (!fromNew.ok || !fromOld.ok) throw new Error("refused");
    expect(fromOld.survivorState).toEqual(fromNew.survivorState);
  });

  it("drops exactly the copied facts on undo, and a second link never doubles them", () => {
    const linked = planLink(newer, older, BY, NOW, POLICY);
    if (!linked.ok) throw new Error(linked.reason);
    const survivor = side("THR-OLDA", [...older.events, ...linked.survivorFacts]);
    const absorbed = side("THR-NEWB", [...newer.events, ...linked.absorbedFacts]);
    const undone = planUnlink(survivor, absorbed, BY, hoursAfter(5), POLICY);
    if (!undone.ok) throw new Error(undone.reason);
    expect(undone.survivorState.contacts.map((c) => c.id)).toEqual(["session:WC-1"]);
    expect(undone.survivorState.linkedThreads).toEqual([]);
    expect(undone.absorbedState.mergedInto).toBeNull();
    expect(undone.returningContacts).toEqual(["ticket:153"]);

    const survivorLog = [...survivor.events, ...undone.survivorFacts];
    const absorbedLog = [...absorbed.events, ...undone.absorbedFacts];
    const again = planLink(
      side("THR-NEWB", absorbedLog),
      side("THR-OLDA", survivorLog),
      BY,
      hoursAfter(6),
      POLICY,
    );
    if (!again.ok) throw new Error(again.reason);
    const log = [...survivorLog, ...again.survivorFacts];
    expect(new Set(log.map((e) => e.key)).size).toBe(log.length);
    expect(messages(log, "THR-OLDA").map((e) => e.text)).toEqual([
      "Customer: order W1001 is late",
      "Customer: any news?",
    ]);
  });

  it("refuses unrelated threads, two customers, itself, and a thread already linked away", () => {
    const stranger = side("THR-STRA", [
      ...threadEvents({
        contactId: "session:WC-9",
        signals: [signal({ kind: "email", owners: ["C-2"] })],
        text: "hi",
      }),
    ]);
    expect(planLink(older, stranger, BY, NOW, POLICY)).toMatchObject({ ok: false });
    expect(planLink(older, older, BY, NOW, POLICY)).toMatchObject({ ok: false });
    const linked = planLink(newer, older, BY, NOW, POLICY);
    if (!linked.ok) throw new Error(linked.reason);
    const gone = side("THR-NEWB", [...newer.events, ...linked.absorbedFacts]);
    expect(planLink(gone, older, BY, NOW, POLICY)).toMatchObject({
      ok: false,
      reason: expect.stringContaining("already part of another thread"),
    });
    expect(T0 < NOW).toBe(true);
  });
});
