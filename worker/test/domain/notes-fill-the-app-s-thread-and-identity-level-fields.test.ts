import { describe, expect, it } from "vitest";
import requirements from "../../../requirements.json";
import { buildHandoff } from "../../src/domain/handoff";
import { notesOwed } from "../../src/domain/handoff-notes";
import {
  IDENTITY_LEVEL_OPTIONS,
  newestFieldValues,
  noteTicket,
  renderNote,
  renderPointer,
  withThreadFields,
} from "../../src/domain/note-rendering";
import { agentRuns, mayaOnThreeTickets } from "./agent-factories";

/** Maya's caller on ticket 103 disputes the charge: a full note there, pointers on 101 and 102. */
function handedOff() {
  const { before, after } = agentRuns(
    mayaOnThreeTickets(),
    "I disputed the charge for order #18422 with my bank.",
    "ticket:103",
  );
  return { after, owed: notesOwed(before, after) };
}

const IDS = { threadId: 21, identityLevel: 22 };

describe("every note fills the app's two ticket fields on its own update", () => {
  it("sets the thread id and the thread's identity level when the tenant has the field ids", () => {
    const { after, owed } = handedOff();
    const payload = buildHandoff(after, "ticket:103");
    const full = withThreadFields(
      renderNote(payload, "k1", IDS, noteTicket(after, "103")),
      IDS,
      after,
    );
    // The caller is only at low, but the thread's customer is known at medium (the email).
    expect(payload.customer.level).toBe("low");
    expect(full.customFields).toEqual([
      { id: 21, value: "THR-SIB" },
      { id: 22, value: "continuity_identity_medium" },
    ]);

    const [pointer] = owed.flatMap((n) => (n.kind === "pointer" ? [n] : []));
    expect(pointer).toMatchObject({ ticketId: "101" });
    const pointed = withThreadFields(renderPointer(after.id, pointer!, "k2"), IDS, after);
    expect(pointed.customFields).toEqual(full.customFields);
  });

  it("sets neither when the ids are unknown, and keeps the tenant's own fields either way", () => {
    const { after } = handedOff();
    const payload = buildHandoff(after, "ticket:103");
    const note = renderNote(payload, "k1", {}, noteTicket(after, "103"));
    expect(withThreadFields(note, {}, after).customFields).toEqual([]);
    expect(withThreadFields(note, { threadId: 21 }, after).customFields).toEqual([
      { id: 21, value: "THR-SIB" },
    ]);

    const mapped = { category: 11, ...IDS };
    const both = withThreadFields(
      renderNote(payload, "k1", mapped, noteTicket(after, "103")),
      mapped,
      after,
    );
    expect(both.customFields.map((f) => f.id)).toEqual([11, 21, 22]);
  });

  it("says the level with the options requirements.json gives the drop-down", () => {
    const options = requirements.ticket_fields.continuity_identity_level.custom_field_options.map(
      (o) => o.value,
    );
    expect(Object.values(IDENTITY_LEVEL_OPTIONS).sort()).toEqual([...options].sort());
    expect(requirements.ticket_fields.continuity_thread_id.type).toBe("text");
  });

  it("writes one value per field when notes are coalesced, the newest note's", () => {
    expect(
      newestFieldValues([
        [
          { id: 11, value: "replacement" },
          { id: 22, value: "continuity_identity_low" },
        ],
        [{ id: 22, value: "continuity_identity_medium" }],
      ]),
    ).toEqual([
      { id: 11, value: "replacement" },
      { id: 22, value: "continuity_identity_medium" },
    ]);
  });
});
