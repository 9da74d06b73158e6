import { describe, expect, it } from "vitest";
import { atLeast, IDENTITY_LEVELS, levelRank } from "../../src/domain/identity-level";
import { hoursAfter, resolutionOf, signal, verification } from "./factories";

describe("identity level from signals (DESIGN §4)", () => {
  it("is unknown when nothing matched", () => {
    expect(resolutionOf([])).toMatchObject({ level: "unknown", customerId: null, conflict: null });
    const unmatched = [
      signal({ kind: "phone", owners: [] }),
      signal({ kind: "email", owners: [] }),
    ];
    expect(resolutionOf(unmatched)).toMatchObject({ level: "unknown", customerId: null });
  });

  it("is low with one unverified identifier that matched (caller ANI)", () => {
    const r = resolutionOf([signal({ kind: "phone", owners: ["C-1"] })]);
    expect(r).toMatchObject({
      level: "low",
      customerId: "C-1",
      conflict: null,
      support: ["phone"],
    });
  });

  it.each([
    ["email + an order owned by that customer", "email", "order"],
    ["name + zip and a phone", "name_zip", "phone"],
    ["phone + order", "phone", "order"],
  ] as const)("is medium when two independent signals agree: %s", (_what, a, b) => {
    const r = resolutionOf([
      signal({ kind: a, owners: ["C-1"] }),
      signal({ kind: b, owners: ["C-1"] }),
    ]);
    expect(r.level).toBe("medium");
    expect(r.customerId).toBe("C-1");
    expect(r.support).toEqual([a, b].sort());
  });

  it("does not count two identifiers of one kind as independent", () => {
    const r = resolutionOf([
      signal({ kind: "phone", hash: "p1", owners: ["C-1"] }),
      signal({ kind: "phone", hash: "p2", owners: ["C-1"] }),
    ]);
    expect(r.level).toBe("low");
    expect(r.support).toEqual(["phone"]);
  });

  it("treats evidence shared with other customers as consistent but not as support", () => {
    const familyEmail = signal({ kind: "email", owners: ["C-1", "C-2"] });
    const order = signal({ kind: "order", owners: ["C-1"] });
    const r = resolutionOf([familyEmail, order]);
    expect(r).toMatchObject({
      level: "low",
      customerId: "C-1",
      conflict: null,
      support: ["order"],
    });
  });

  it("ignores identifiers that matched nobody", () => {
    const withNoise = resolutionOf([
      signal({ kind: "phone", owners: ["C-1"] }),
      signal({ kind: "email", owners: [] }),
    ]);
    expect(withNoise).toEqual(resolutionOf([signal({ kind: "phone", owners: ["C-1"] })]));
  });

  it("is high while a step-up verification has not expired", () => {
    const r = resolutionOf(
      [signal({ kind: "phone", owners: ["C-1"] })],
      [verification({ method: "otp", passedAt: hoursAfter(0) })],
      hoursAfter(1),
    );
    expect(r.level).toBe("high");
    expect(r.verification).toMatchObject({ method: "otp", expired: false });
  });

  it("a verification alone does not say who the person is", () => {
    expect(resolutionOf([], [verification()]).level).toBe("unknown");
  });

  it("orders levels unknown < low < medium < high", () => {
    expect(IDENTITY_LEVELS.map(levelRank)).toEqual([0, 1, 2, 3]);
    expect(atLeast("medium", "low")).toBe(true);
    expect(atLeast("low", "low")).toBe(true);
    expect(atLeast("low", "medium")).toBe(false);
    expect(atLeast("unknown", "low")).toBe(false);
  });
});
