import { describe, expect, it } from "vitest";
import {
  claimsOf,
  materialChanges,
  notesOwed,
  withHandoffNote,
} from "../../src/domain/handoff-notes";
import { renderUpdate } from "../../src/domain/note-rendering";
import type { ThreadEvent } from "../../src/domain/thread-events";
import { applyEvents, project, type ThreadState } from "../../src/domain/thread-state";
import type { HandoffNote } from "../../src/domain/thread-state/state";
import { CONTACT, customerSays, threadWith } from "./agent-factories";
import {
  contactSays,
  controlChanged,
  hoursAfter,
  mayaEmail,
  mayaWrites,
  message,
  order18422,
  POLICY,
  signal,
  STRANGER,
  strangerWrites,
  verified,
} from "./factories";

/** The full note a handoff would write now, for `contactId`. */
function noteOn(state: ThreadState, contactId: string | null = CONTACT): HandoffNote {
  return {
    handoff: "agent:9#1",
    at: hoursAfter(1),
    ticketId: "101",
    contactId,
    claims: claimsOf(state, contactId),
  };
}

const then = (state: ThreadState, ...facts: ThreadEvent[]) => applyEvents(state, facts, POLICY);

const fact = (type: ThreadEvent["type"], fields: Record<string, unknown>, at = hoursAfter(3)) =>
  ({ key: `${type}@${at}`, group: `${type}@${at}`, part: 0, at, type, ...fields }) as ThreadEvent;

const ids = (note: HandoffNote, state: ThreadState) =>
  materialChanges(note, state).map((c) => c.id);

/** A replacement waiting on a person's approval. */
const awaitingApproval = () =>
  threadWith({
    workflow: "replacement",
    slots: { order_id: "18422", photos: "https://files.example/1.jpg", items: "Ceramic Vase" },
    handedOff: "needs_person",
  });

describe("what counts as a material change since the full note", () => {
  it("is a verification the note did not have, told with how and until when", () => {
    const state = threadWith({ level: "medium", handedOff: "payment_dispute", control: "human" });
    const after = then(state, verified({ contactId: CONTACT, at: hoursAfter(2) }));
    expect(materialChanges(noteOn(state), after)).toEqual([
      {
        id: `verified@${hoursAfter(2)}`,
        kind: "verified",
        method: "otp",
        channel: "messaging",
        until: hoursAfter(26),
      },
    ]);
  });

  it("is the note's contact reaching a higher level, or being confirmed", () => {
    const low = threadWith({ level: "low", handedOff: "payment_dispute", control: "human" });
    const medium = then(
      low,
      fact("identity.observed", {
        contactId: CONTACT,
        signals: [signal({ kind: "order", hash: "order-C-1", owners: ["C-1"] })],
      }),
    );
    expect(ids(noteOn(low), medium)).toEqual(["level:medium"]);

    const stranger = project("THR-1", [...mayaWrites(), ...strangerWrites()], POLICY);
    const confirmed = then(
      stranger,
      ...contactSays({
        contactId: STRANGER,
        at: hoursAfter(4),
        signals: [order18422, mayaEmail],
        first: false,
      }),
    );
    expect(materialChanges(noteOn(stranger, STRANGER), confirmed)).toEqual([
      expect.objectContaining({ id: "confirmed", kind: "confirmed", level: "medium" }),
    ]);
  });

  it("is the workflow the note named ending, done or denied", () => {
    const state = awaitingApproval();
    const denied = then(
      state,
      fact("workflow.step_denied", {
        stepId: "approve_replacement",
        by: "human:A-7",
        reason: "photos show wear, not damage",
      }),
    );
    expect(materialChanges(noteOn(state), denied)).toContainEqual(
      expect.objectContaining({
        id: "workflow:denied",
        outcome: "denied",
        reason: "photos show wear, not damage",
      }),
    );
    const done = then(
      state,
      fact("workflow.step_completed", { stepId: "approve_replacement", by: "human" }),
      fact("workflow.step_completed", { stepId: "ship_replacement", by: "human" }, hoursAfter(4)),
    );
    expect(ids(noteOn(state), done)).toEqual(["workflow:done"]);
  });

  it("is the conversation a person had going back to the AI agent", () => {
    const state = threadWith({ handedOff: "payment_dispute", control: "human" });
    const back = then(state, controlChanged({ owner: "ai", at: hoursAfter(2) }));
    expect(ids(noteOn(state), back)).toEqual(["with_ai"]);
  });

  it("is a kind of risk the note did not list", () => {
    const state = threadWith({ handedOff: "payment_dispute", control: "human" });
    const risky = then(
      state,
      fact("risk.flagged", {
        flag: "suspected_takeover",
        reason: "new device",
        contactId: CONTACT,
      }),
    );
    expect(ids(noteOn(state), risky)).toEqual(["risk:suspected_takeover"]);
    // The same risk again, from the customer's next channel, is what the note already says.
    const again = then(
      risky,
      fact(
        "risk.flagged",
        { flag: "suspected_takeover", reason: "new device", contactId: "session:WA-2" },
        hoursAfter(5),
      ),
    );
    expect(ids(noteOn(risky), again)).toEqual([]);
  });

  it("is not a step moving on, another message, a weaker contact, or a person taking over", () => {
    const state = awaitingApproval();
    const note = noteOn(state);
    const moved = then(
      state,
      // The approval a person was asked for: the workflow moves on, still open.
      fact("workflow.step_completed", { stepId: "approve_replacement", by: "human" }),
      message({ contactId: CONTACT, at: hoursAfter(4), text: "Any news?" }),
      ...contactSays({ contactId: "session:CALL-2", at: hoursAfter(5), channel: "voice" }),
      controlChanged({ owner: "human", at: hoursAfter(6) }),
    );
    expect(materialChanges(note, moved)).toEqual([]);
  });
});

describe("a material change is told once, on the ticket that holds the full note", () => {
  /** Maya on ticket 101, then a hard stop there: the full note is on 101. */
  function handedOff() {
    const state = project("THR-UPD", mayaWrites(), POLICY);
    const turn = customerSays(state, "I disputed the charge with my bank.", {
      contactId: "ticket:101",
      at: hoursAfter(1),
    });
    const facts = withHandoffNote(turn.plan.facts, turn.before, turn.after, "ticket:101");
    return applyEvents(turn.before, facts, POLICY);
  }

  it("is owed by the write that brings the change about, and by no write after it", () => {
    const before = handedOff();
    const after = then(before, verified({ contactId: "ticket:101", at: hoursAfter(2) }));
    const owed = notesOwed(before, after);
    expect(owed).toEqual([
      expect.objectContaining({
        kind: "update",
        ticketId: "101",
        handoff: before.handoffNote!.handoff,
        change: expect.objectContaining({ id: `verified@${hoursAfter(2)}` }),
      }),
    ]);
    // The same write asked again (a replay, a racing retry) owes the same update: one outbox row.
    expect(notesOwed(before, after)).toEqual(owed);
    const later = then(after, message({ contactId: "ticket:101", at: hoursAfter(3) }));
    expect(notesOwed(after, later)).toEqual([]);
  });

  it("says only what changed, in one line above its footer", () => {
    const before = handedOff();
    const after = then(before, controlChanged({ owner: "ai", at: hoursAfter(2) }));
    const [update] = notesOwed(before, after);
    expect(update?.kind).toBe("update");
    if (update?.kind !== "update") return;
    const html = renderUpdate(after.id, update.change, "k9").html;
    const lines = html.split("</p>").filter(Boolean);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toBe(
      "<p><b>Update:</b> No person is needed now: the AI agent has the conversation again.",
    );
    expect(lines[1]).toContain("ctx-note:k9");
    expect(html).not.toMatch(/disputed|bank|18422/);
  });
});
