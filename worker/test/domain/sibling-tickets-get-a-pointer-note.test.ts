import { describe, expect, it } from "vitest";
import { notesOwed } from "../../src/domain/handoff-notes";
import { renderPointer } from "../../src/domain/note-rendering";
import { applyEvents, project } from "../../src/domain/thread-state";
import { agentRuns, mayaOnThreeTickets } from "./agent-factories";
import { contactSays, hoursAfter, mayaEmail, order18422, POLICY, ticketChanged } from "./factories";

const DISPUTE = "I disputed the charge for order #18422 with my bank.";

const pointers = (owed: ReturnType<typeof notesOwed>) =>
  owed.flatMap((n) => (n.kind === "pointer" ? [n] : []));

describe("a handoff's full note goes on its own ticket, and every other ticket gets a pointer", () => {
  it("puts the full note on the ticket of the contact that was handed off, pointers on the rest", () => {
    const { before, after } = agentRuns(mayaOnThreeTickets(), DISPUTE, "ticket:102");
    const owed = notesOwed(before, after);
    expect(owed.filter((n) => n.kind === "full")).toEqual([
      { kind: "full", ticketId: "102", contactId: "ticket:102" },
    ]);
    expect(pointers(owed).map((n) => [n.ticketId, n.fullNoteOn])).toEqual([
      ["101", "102"],
      ["103", "102"],
    ]);
    expect(owed).toHaveLength(3);
  });

  it("says in its two lines only that a person has the thread, why, and where the full note is", () => {
    const { before, after } = agentRuns(mayaOnThreeTickets(), DISPUTE, "ticket:102");
    const [pointer] = pointers(notesOwed(before, after));
    const html = renderPointer(after.id, pointer!, "k7").html;
    const lines = html.split("</p>").filter(Boolean);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toBe(
      "<p><b>Handed to a person:</b> payment dispute. Full handoff note on ticket #102.",
    );
    expect(lines[1]).toContain("ctx-note:k7");
    // Nothing the customer wrote, on this ticket or another, and nothing about who they are.
    expect(html).not.toMatch(/disputed|vase|18422|Maya|identity/i);
  });

  it("sends a contact without a ticket of its own to the thread's newest open ticket", () => {
    const withCall = applyEvents(
      mayaOnThreeTickets(),
      [
        ticketChanged({ ticketId: "103", status: "solved", at: hoursAfter(5) }),
        ...contactSays({
          contactId: "session:CALL-9",
          at: hoursAfter(5.5),
          channel: "voice",
          signals: [mayaEmail],
          text: "Hello?",
        }),
      ],
      POLICY,
    );
    const { before, after } = agentRuns(withCall, DISPUTE, "session:CALL-9");
    const owed = notesOwed(before, after);
    expect(owed.find((n) => n.kind === "full")).toMatchObject({ ticketId: "102" });
    // A solved ticket is done with: no pointer.
    expect(pointers(owed).map((n) => n.ticketId)).toEqual(["101"]);
  });

  it("points a ticket that joins later to the full note, once, and nothing else", () => {
    const handedOff = agentRuns(mayaOnThreeTickets(), DISPUTE, "ticket:102").after;
    const joined = applyEvents(
      handedOff,
      contactSays({
        contactId: "ticket:104",
        at: hoursAfter(8),
        channel: "email",
        signals: [mayaEmail],
        text: "Writing again about the vase.",
      }),
      POLICY,
    );
    expect(notesOwed(handedOff, joined)).toEqual([
      expect.objectContaining({ kind: "pointer", ticketId: "104", fullNoteOn: "102" }),
    ]);
    // The next write on the thread owes that ticket nothing more.
    const later = applyEvents(
      joined,
      contactSays({ contactId: "ticket:104", at: hoursAfter(9), text: "Hello?", first: false }),
      POLICY,
    );
    expect(notesOwed(joined, later)).toEqual([]);
  });

  it("gives a ticket that joins before any handoff no note: no person is needed yet", () => {
    const first = mayaOnThreeTickets();
    const third = applyEvents(
      first,
      contactSays({ contactId: "ticket:104", at: hoursAfter(8), signals: [mayaEmail] }),
      POLICY,
    );
    expect(notesOwed(first, third)).toEqual([]);
  });

  it("gives the full note to the first ticket that joins a handoff that found none", () => {
    const conversation = project(
      "THR-SIB",
      contactSays({
        contactId: "session:CONV-7",
        channel: "whatsapp",
        signals: [mayaEmail, order18422],
        text: "Hi, about order #18422.",
      }),
      POLICY,
    );
    const { before, after } = agentRuns(conversation, DISPUTE, "session:CONV-7");
    expect(after.agent.handoff?.code).toBe("payment_dispute");
    expect(notesOwed(before, after)).toEqual([]);
    const ticket = applyEvents(
      after,
      contactSays({
        contactId: "ticket:105",
        at: hoursAfter(8),
        channel: "email",
        signals: [mayaEmail],
        text: "Following up by email.",
      }),
      POLICY,
    );
    expect(notesOwed(after, ticket)).toEqual([
      { kind: "full", ticketId: "105", contactId: "ticket:105" },
    ]);
  });

  it("writes no second full note nor pointers for a handoff while a person already has the thread", () => {
    const handedOff = agentRuns(mayaOnThreeTickets(), DISPUTE, "ticket:102").after;
    const again = agentRuns(handedOff, DISPUTE, "ticket:101", hoursAfter(10));
    expect(
      notesOwed(again.before, again.after).filter((n) => n.kind === "full" || n.kind === "pointer"),
    ).toEqual([]);
  });
});
