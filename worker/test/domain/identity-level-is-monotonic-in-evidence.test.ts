import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { levelRank } from "../../src/domain/identity-level";
import { owners, SIGNAL_KINDS, signalArb, verificationArb } from "./arbitraries";
import { hoursAfter, resolutionOf, signal } from "./factories";

const asOf = hoursAfter(24);
const evidence = fc.tuple(
  fc.array(signalArb(), { maxLength: 5 }),
  fc.array(verificationArb, { maxLength: 2 }),
);

describe("identity level is monotonic in evidence", () => {
  it("a signal owned only by the resolved customer never lowers the level", () => {
    fc.assert(
      fc.property(evidence, fc.constantFrom(...SIGNAL_KINDS), ([signals, verifications], kind) => {
        const before = resolutionOf(signals, verifications, asOf);
        fc.pre(before.customerId !== null);
        const extra = signal({ kind, hash: `fresh-${kind}`, owners: [before.customerId!] });
        const after = resolutionOf([...signals, extra], verifications, asOf);
        expect(after.conflict).toBeNull();
        expect(after.customerId).toBe(before.customerId);
        expect(levelRank(after.level)).toBeGreaterThanOrEqual(levelRank(before.level));
        expect(after.support).toContain(kind);
      }),
      { numRuns: 300 },
    );
  });

  it("any added signal lowers the level only by introducing a conflict", () => {
    fc.assert(
      fc.property(evidence, signalArb(owners), ([signals, verifications], extra) => {
        const before = resolutionOf(signals, verifications, asOf);
        const after = resolutionOf([...signals, extra], verifications, asOf);
        if (levelRank(after.level) < levelRank(before.level)) {
          expect(after.conflict).not.toBeNull();
          expect(after.level).toBe("low");
        }
      }),
      { numRuns: 300 },
    );
  });

  it("a signal that matched nobody changes nothing", () => {
    fc.assert(
      fc.property(evidence, fc.constantFrom(...SIGNAL_KINDS), ([signals, verifications], kind) => {
        const extra = signal({ kind, hash: "unmatched", owners: [] });
        expect(resolutionOf([...signals, extra], verifications, asOf)).toEqual(
          resolutionOf(signals, verifications, asOf),
        );
      }),
      { numRuns: 200 },
    );
  });

  it("a passed verification never lowers the level", () => {
    fc.assert(
      fc.property(evidence, verificationArb, ([signals, verifications], extra) => {
        const before = resolutionOf(signals, verifications, asOf);
        const after = resolutionOf(signals, [...verifications, extra], asOf);
        expect(levelRank(after.level)).toBeGreaterThanOrEqual(levelRank(before.level));
      }),
      { numRuns: 200 },
    );
  });

  it("the level follows from the evidence as the rules say", () => {
    fc.assert(
      fc.property(evidence, ([signals, verifications]) => {
        const r = resolutionOf(signals, verifications, asOf);
        if (r.customerId === null) {
          expect(["unknown", "low"]).toContain(r.level);
          return;
        }
        const unexpired = r.verification !== null && !r.verification.expired;
        const expected = unexpired ? "high" : r.support.length >= 2 ? "medium" : "low";
        expect(r.level).toBe(expected);
        // Support lists kinds owned by the customer alone.
        for (const kind of r.support) {
          expect(
            signals.some(
              (s) => s.kind === kind && s.owners.length === 1 && s.owners[0] === r.customerId,
            ),
          ).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});
