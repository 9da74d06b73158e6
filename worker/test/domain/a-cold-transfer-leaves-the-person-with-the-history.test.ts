import { describe, expect, it } from "vitest";
import { sessionControl } from "../../src/domain/live-session";
import { holdOf } from "../../src/domain/transfer";
import { minutesAfter, threadWith } from "./agent-factories";
import { DANA, transferred } from "./transfer-factories";

const AT = minutesAfter(30);

describe("a cold transfer", () => {
  it("takes the AI out of the session at once and tells the customer nothing", () => {
    const before = threadWith({});
    const { plan, state } = transferred(before, { to: "human", by: DANA, mode: "cold" }, AT);
    expect(plan.ok && plan.facts.map((f) => f.type)).toEqual([
      "control.changed",
      "control.transferred",
      "ai.left",
    ]);
    expect(plan.ok && plan.told).toBe(null);
    expect(state.control).toBe("human");
    expect(holdOf(state)).toMatchObject({ holder: DANA, mode: "cold", ai: "absent" });
    expect(sessionControl(state).ai).toBe(null);
    // The history is the thread's: nothing of it is lost by the AI leaving.
    expect(state.timeline.length).toBeGreaterThan(before.timeline.length);
    expect(state.contacts).toEqual(before.contacts);
  });
});
