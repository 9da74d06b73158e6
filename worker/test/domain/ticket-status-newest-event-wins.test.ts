import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { TICKET_STATUSES } from "../../src/domain/channel-event";
import { permutationOf } from "./arbitraries";
import { hoursAfter, projected, ticketChanged } from "./factories";

describe("ticket fields: the newest event time wins (DESIGN §3)", () => {
  it("a status that arrives late but happened earlier does not move the ticket backwards", () => {
    const solved = ticketChanged({ key: "z-solved", at: hoursAfter(2), status: "solved" });
    const open = ticketChanged({ key: "a-open", at: hoursAfter(1), status: "open" });
    const ticket = projected([solved, open]).tickets[0]!;
    expect(ticket).toMatchObject({ id: "101", status: "solved", statusAt: hoursAfter(2) });
  });

  it("each field keeps its own newest value", () => {
    const state = projected([
      ticketChanged({ key: "k1", at: hoursAfter(3), status: "pending" }),
      ticketChanged({ key: "k2", at: hoursAfter(1), status: "open", assigneeId: "A-1" }),
      ticketChanged({ key: "k3", at: hoursAfter(2), requesterId: "9001" }),
    ]);
    expect(state.tickets[0]).toMatchObject({
      status: "pending",
      assigneeId: "A-1",
      assigneeAt: hoursAfter(1),
      requesterId: "9001",
    });
  });

  it("an unassignment is a value like any other", () => {
    const state = projected([
      ticketChanged({ key: "k1", at: hoursAfter(1), assigneeId: "A-1" }),
      ticketChanged({ key: "k2", at: hoursAfter(2), assigneeId: null }),
    ]);
    expect(state.tickets[0]?.assigneeId).toBeNull();
    expect(state.timeline.map((e) => e.text)).toEqual([
      "Ticket #101: assigned to agent A-1",
      "Ticket #101: unassigned",
    ]);
  });

  it("records a change on the timeline only when something changed", () => {
    const state = projected([
      ticketChanged({ key: "k1", at: hoursAfter(1), status: "open" }),
      ticketChanged({ key: "k2", at: hoursAfter(2), status: "open" }),
    ]);
    expect(state.timeline.filter((e) => e.kind === "ticket")).toHaveLength(1);
  });

  it("tickets are tracked separately", () => {
    const state = projected([
      ticketChanged({ ticketId: "101", at: hoursAfter(1), status: "solved" }),
      ticketChanged({ ticketId: "102", at: hoursAfter(2), status: "open" }),
    ]);
    expect(state.tickets.map((t) => [t.id, t.status])).toEqual([
      ["101", "solved"],
      ["102", "open"],
    ]);
  });

  it("property: whatever the arrival order, the status is that of the newest event", () => {
    const history = fc
      .uniqueArray(fc.integer({ min: 0, max: 100 }), { minLength: 1, maxLength: 8 })
      .chain((hours) =>
        fc.tuple(
          ...hours.map((h) => fc.constantFrom(...TICKET_STATUSES).map((status) => ({ h, status }))),
        ),
      );
    fc.assert(
      fc.property(
        history.chain((changes) => fc.tuple(fc.constant(changes), permutationOf(changes))),
        ([changes, arrival]) => {
          const newest = [...changes].sort((a, b) => b.h - a.h)[0]!;
          const events = arrival.map(({ h, status }) =>
            ticketChanged({ key: `t${h}`, at: hoursAfter(h), status }),
          );
          expect(projected(events).tickets[0]?.status).toBe(newest.status);
        },
      ),
      { numRuns: 200 },
    );
  });
});
