import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { appliesInOrder, applyEvents, emptyThread, project } from "../../src/domain/thread-state";
import { inLogOrder, inOrderThreadLog, permutationOf, threadLog } from "./arbitraries";
import { hoursAfter, POLICY, projected, signal, threadEvents, ticketChanged } from "./factories";

describe("projection does not depend on delivery order", () => {
  it("a late delivery of an earlier contact gives the state an in-order delivery gives", () => {
    const first = threadEvents({
      contactId: "session:WC-1",
      at: hoursAfter(0),
      signals: [signal({ kind: "phone", owners: ["C-1"] })],
      text: "my lamp is broken",
    });
    const second = threadEvents({
      contactId: "session:VC-2",
      at: hoursAfter(3),
      channel: "voice",
      signals: [signal({ kind: "phone", owners: ["C-2"] })],
      text: "calling again",
    });
    expect(projected([...second, ...first])).toEqual(projected([...first, ...second]));
    // The first contact in event time owns the thread, whatever arrived first.
    expect(projected([...second, ...first]).customerId).toBe("C-1");
  });

  it("property: any permutation of one thread's events projects to a deep-equal state", () => {
    fc.assert(
      fc.property(
        threadLog.chain((log) => fc.tuple(fc.constant(log), permutationOf(log))),
        ([log, shuffled]) => {
          expect(project("THR-1", shuffled, POLICY)).toEqual(project("THR-1", log, POLICY));
        },
      ),
      { numRuns: 200 },
    );
  });

  it("property: applying the log incrementally, in arbitrary chunks, equals projecting it", () => {
    // Deliveries arrive in event-time order here: that is when ingestion applies incrementally
    // (a late one fails `appliesInOrder` and is replayed with `project`).
    const logAndCuts = inOrderThreadLog.chain((log) =>
      fc.tuple(
        fc.constant(inLogOrder(log)),
        fc.uniqueArray(fc.integer({ min: 1, max: Math.max(1, log.length - 1) })),
      ),
    );
    fc.assert(
      fc.property(logAndCuts, ([ordered, cuts]) => {
        const bounds = [0, ...[...cuts].sort((a, b) => a - b), ordered.length];
        let state = emptyThread("THR-1", ordered[0]!.at);
        for (let i = 0; i + 1 < bounds.length; i++) {
          const chunk = ordered.slice(bounds[i], bounds[i + 1]);
          expect(appliesInOrder(state, chunk)).toBe(true);
          // Within a chunk the arrival order is irrelevant too.
          state = applyEvents(state, [...chunk].reverse(), POLICY);
        }
        expect(state).toEqual(project("THR-1", ordered, POLICY));
      }),
      { numRuns: 200 },
    );
  });

  it("an event older than the cursor does not apply in order: the caller must replay", () => {
    const late = ticketChanged({ at: hoursAfter(1), status: "open" });
    const state = projected([ticketChanged({ at: hoursAfter(2), status: "solved" })]);
    expect(appliesInOrder(state, [late])).toBe(false);
    expect(appliesInOrder(state, [ticketChanged({ at: hoursAfter(3), status: "open" })])).toBe(
      true,
    );
    expect(appliesInOrder(emptyThread("THR-1", hoursAfter(0)), [late])).toBe(true);
  });

  it("counts applied events and tracks the newest event time and the cursor", () => {
    const events = threadEvents({ contactId: "session:WC-1", at: hoursAfter(4), text: "hi" });
    const state = projected([ticketChanged({ at: hoursAfter(1), status: "new" }), ...events]);
    expect(state.eventCount).toBe(3);
    expect(state.openedAt).toBe(hoursAfter(1));
    expect(state.lastEventAt).toBe(hoursAfter(4));
    expect(state.cursor?.at).toBe(hoursAfter(4));
  });
});
