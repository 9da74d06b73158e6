import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { signalArb, verificationArb } from "./arbitraries";
import { hoursAfter, resolutionOf, signal, verification } from "./factories";

describe("conflicting signals raise identity_conflict (DESIGN §4)", () => {
  it("the phone is A's and the order is B's: conflict, capped at low, nobody chosen", () => {
    const r = resolutionOf([
      signal({ kind: "phone", owners: ["C-A"] }),
      signal({ kind: "order", owners: ["C-B"] }),
    ]);
    expect(r.level).toBe("low");
    expect(r.customerId).toBeNull();
    expect(r.candidates).toEqual(["C-A", "C-B"]);
    expect(r.conflict?.reason).toBe("contradicting_signals");
    expect(r.conflict?.signals.map((s) => s.kind).sort()).toEqual(["order", "phone"]);
  });

  it("one email shared by two accounts: conflict on the shared identifier", () => {
    const r = resolutionOf([signal({ kind: "email", owners: ["C-B", "C-A"] })]);
    expect(r).toMatchObject({ level: "low", customerId: null, candidates: ["C-A", "C-B"] });
    expect(r.conflict).toEqual({
      reason: "shared_identifier",
      signals: [
        {
          kind: "email",
          masked: signal({ kind: "email", owners: ["C-B", "C-A"] }).masked,
          owners: ["C-A", "C-B"],
        },
      ],
    });
  });

  it("a reused number owned by two customers, with an order that does not decide it", () => {
    const r = resolutionOf([
      signal({ kind: "phone", owners: ["C-A", "C-B"] }),
      signal({ kind: "email", owners: ["C-A", "C-B"] }),
    ]);
    expect(r.conflict?.reason).toBe("shared_identifier");
    expect(r.candidates).toEqual(["C-A", "C-B"]);
  });

  it("a passed verification does not lift a conflict above low", () => {
    const r = resolutionOf(
      [signal({ kind: "phone", owners: ["C-A"] }), signal({ kind: "order", owners: ["C-B"] })],
      [verification({ passedAt: hoursAfter(0) })],
      hoursAfter(1),
    );
    expect(r.level).toBe("low");
    expect(r.verification).toBeNull();
  });

  it("property: a conflict always caps at low and names no customer", () => {
    fc.assert(
      fc.property(
        fc.array(signalArb(), { maxLength: 6 }),
        fc.array(verificationArb, { maxLength: 3 }),
        (signals, verifications) => {
          const r = resolutionOf(signals, verifications, hoursAfter(24));
          if (r.conflict) {
            expect(r.level).toBe("low");
            expect(r.customerId).toBeNull();
            expect(r.candidates.length).toBeGreaterThanOrEqual(2);
          } else if (signals.some((s) => s.owners.length > 0)) {
            // No conflict: every matched signal names the one customer.
            expect(r.customerId).not.toBeNull();
            for (const s of signals.filter((x) => x.owners.length > 0)) {
              expect(s.owners).toContain(r.customerId);
            }
          } else {
            expect(r.level).toBe("unknown");
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it("property: a conflict exactly when the matched signals share no single owner", () => {
    fc.assert(
      fc.property(fc.array(signalArb(), { maxLength: 6 }), (signals) => {
        const matched = signals.filter((s) => s.owners.length > 0);
        const common = [...new Set(matched.flatMap((s) => s.owners))].filter((c) =>
          matched.every((s) => s.owners.includes(c)),
        );
        const r = resolutionOf(signals);
        expect(r.conflict !== null).toBe(matched.length > 0 && common.length !== 1);
      }),
      { numRuns: 300 },
    );
  });
});
