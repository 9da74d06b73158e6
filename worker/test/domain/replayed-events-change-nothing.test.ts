import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { planContact } from "../../src/domain/contact-plan";
import { appliesInOrder, project } from "../../src/domain/thread-state";
import { permutationOf, threadLog } from "./arbitraries";
import { channelEvent, planInput, POLICY, projected, signal } from "./factories";

describe("replayed events change nothing", () => {
  it("a redelivered channel event, planned again, leaves the thread as it was", () => {
    const event = channelEvent({
      eventId: "evt-9",
      sessionId: "WC-1",
      message: { author: "customer", text: "Order #18422 is broken", public: true },
      artifacts: [{ kind: "photo", url: "https://f.example/1", sha256: "sha-1" }],
      verification: { method: "otp", passedAt: channelEvent().occurredAt },
    });
    const signals = [signal({ kind: "phone", owners: ["C-1"] })];
    const first = planContact(planInput({ event, signals, orderIds: ["18422"] }));
    const once = projected(first);
    // The second time the contact is known, so the planner sees its links.
    const again = planContact(
      planInput({ event, signals, orderIds: ["18422"], knownLinks: once.contacts[0]!.links }),
    );
    expect(projected([...first, ...again])).toEqual(once);
  });

  it("a replay never passes the in-order check, so it cannot be applied twice incrementally", () => {
    const events = planContact(
      planInput({
        event: channelEvent({ message: { author: "customer", text: "hi", public: true } }),
      }),
    );
    const state = projected(events);
    for (const event of events) expect(appliesInOrder(state, [event])).toBe(false);
  });

  it("property: project(events) equals project(events + any of them again, in any order)", () => {
    const logWithRepeats = threadLog.chain((log) =>
      fc.tuple(
        fc.constant(log),
        fc.subarray(log).chain((again) => permutationOf([...log, ...again])),
      ),
    );
    fc.assert(
      fc.property(logWithRepeats, ([log, withRepeats]) => {
        expect(project("THR-1", withRepeats, POLICY)).toEqual(project("THR-1", log, POLICY));
      }),
      { numRuns: 200 },
    );
  });
});
