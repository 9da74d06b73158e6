import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { resolveIdentity } from "../../src/domain/identity-level";
import { applyEvents, emptyThread, type ThreadState } from "../../src/domain/thread-state";
import { identityLog, inLogOrder } from "./arbitraries";
import { hoursAfter, observed, POLICY, projected, signal, threadEvents } from "./factories";

const phoneOf = (c: string) => signal({ kind: "phone", hash: `phone-${c}`, owners: [c] });
const orderOf = (c: string) => signal({ kind: "order", hash: `order-${c}`, owners: [c] });

function conflictFlagFor(state: ThreadState, contactId: string) {
  return state.riskFlags.find((f) => f.flag === "identity_conflict" && f.contactId === contactId);
}

describe("a thread never holds two customers (DESIGN §4)", () => {
  it("takes its customer from the first contact that resolves", () => {
    const state = projected(threadEvents({ contactId: "session:WC-1", signals: [phoneOf("C-1")] }));
    expect(state.customerId).toBe("C-1");
    expect(state.riskFlags).toEqual([]);
  });

  it("a later contact resolving to someone else is a conflict, not a second customer", () => {
    const state = projected([
      ...threadEvents({ contactId: "session:WC-1", at: hoursAfter(0), signals: [phoneOf("C-1")] }),
      ...threadEvents({
        contactId: "session:VC-2",
        at: hoursAfter(1),
        channel: "voice",
        signals: [phoneOf("C-2")],
      }),
    ]);
    expect(state.customerId).toBe("C-1");
    const caller = state.contacts.find((c) => c.id === "session:VC-2")!;
    expect(caller.resolution).toMatchObject({
      level: "low",
      customerId: null,
      candidates: ["C-1", "C-2"],
    });
    expect(caller.resolution.conflict?.reason).toBe("contradicting_signals");
    expect(conflictFlagFor(state, "session:VC-2")).toMatchObject({ at: hoursAfter(1) });
    expect(state.timeline.some((e) => e.kind === "risk" && e.contactId === "session:VC-2")).toBe(
      true,
    );
  });

  it("a verified contact of another customer is still capped at low", () => {
    const state = projected([
      ...threadEvents({ contactId: "session:WC-1", at: hoursAfter(0), signals: [phoneOf("C-1")] }),
      ...threadEvents({
        contactId: "session:VC-2",
        at: hoursAfter(1),
        signals: [phoneOf("C-2"), orderOf("C-2")],
        verifiedAt: hoursAfter(1),
      }),
    ]);
    expect(state.customerId).toBe("C-1");
    expect(state.contacts.find((c) => c.id === "session:VC-2")?.resolution.level).toBe("low");
  });

  it("a contact whose own signals disagree leaves the thread without a customer and flags it", () => {
    const state = projected(
      threadEvents({ contactId: "session:WC-1", signals: [phoneOf("C-1"), orderOf("C-2")] }),
    );
    expect(state.customerId).toBeNull();
    expect(conflictFlagFor(state, "session:WC-1")?.reason).toContain("disagree");
  });

  it("a shared identifier flags the contact and does not pick a customer", () => {
    const family = signal({ kind: "email", hash: "family", owners: ["C-1", "C-2"] });
    const state = projected(threadEvents({ contactId: "session:WC-1", signals: [family] }));
    expect(state.customerId).toBeNull();
    expect(conflictFlagFor(state, "session:WC-1")?.reason).toContain("Shared identifier");
  });

  it("raises the flag once per contact, however often the evidence repeats", () => {
    const contact = threadEvents({
      contactId: "session:WC-1",
      signals: [phoneOf("C-1"), orderOf("C-2")],
    });
    const again = observed({
      key: "again",
      contactId: "session:WC-1",
      at: hoursAfter(2),
      signals: [signal({ kind: "email", hash: "e", owners: ["C-3"] })],
    });
    const state = projected([...contact, again]);
    expect(state.riskFlags.filter((f) => f.contactId === "session:WC-1")).toHaveLength(1);
  });

  it("property: customerId once set never changes, and every contact pointing elsewhere is flagged", () => {
    fc.assert(
      fc.property(identityLog, (log) => {
        let state = emptyThread("THR-1", hoursAfter(0));
        let owner: string | null = null;
        for (const event of inLogOrder(log)) {
          state = applyEvents(state, [event], POLICY);
          if (owner !== null) expect(state.customerId).toBe(owner);
          owner = state.customerId;

          for (const contact of state.contacts) {
            // The contact never resolves to a customer other than the thread's.
            if (contact.resolution.customerId !== null) {
              expect(contact.resolution.customerId).toBe(state.customerId);
            }
            // Judged alone, a contact that points at someone else (or at nobody in particular)
            // carries an identity_conflict on this thread and is capped at low.
            const alone = resolveIdentity(
              contact.signals,
              contact.verifications,
              contact.lastAt,
              POLICY,
            );
            const elsewhere =
              alone.conflict !== null ||
              (alone.customerId !== null &&
                state.customerId !== null &&
                alone.customerId !== state.customerId);
            if (elsewhere) {
              expect(conflictFlagFor(state, contact.id)).toBeDefined();
              expect(contact.resolution.level).toBe("low");
              expect(contact.resolution.customerId).toBeNull();
            }
          }
        }
      }),
      { numRuns: 200 },
    );
  });
});
