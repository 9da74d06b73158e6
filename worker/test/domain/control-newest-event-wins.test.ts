import { describe, expect, it } from "vitest";
import { controlChanged, hoursAfter, projected } from "./factories";

describe("control (ai | human): the newest event time wins", () => {
  it("starts with the AI agent", () => {
    expect(projected([]).control).toBe("ai");
  });

  it("a handoff to a person holds against an older handback that arrives late", () => {
    const state = projected([
      controlChanged({ key: "b", at: hoursAfter(2), owner: "human" }),
      controlChanged({ key: "a", at: hoursAfter(1), owner: "ai" }),
    ]);
    expect(state.control).toBe("human");
    expect(state.controlAt).toBe(hoursAfter(2));
  });

  it("records a handoff on the timeline, but not a repeat of the same owner", () => {
    const state = projected([
      controlChanged({ key: "a", at: hoursAfter(1), owner: "human", reason: "billing dispute" }),
      controlChanged({ key: "b", at: hoursAfter(2), owner: "human", reason: "still" }),
      controlChanged({ key: "c", at: hoursAfter(3), owner: "ai", reason: "resolved" }),
    ]);
    const control = state.timeline.filter((e) => e.kind === "control").map((e) => e.text);
    expect(control).toHaveLength(2);
    expect(control[0]).toContain("A person");
    expect(control[0]).toContain("billing dispute");
    expect(control[1]).toContain("AI agent");
    expect(state.control).toBe("ai");
  });
});
