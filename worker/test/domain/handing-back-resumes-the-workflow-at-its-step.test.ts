import { describe, expect, it } from "vitest";
import { holdOf, planTransfer } from "../../src/domain/transfer";
import { workflowView } from "../../src/domain/workflow-view";
import { minutesAfter, threadWith } from "./agent-factories";
import { DANA, SAM, LEE, transferred } from "./transfer-factories";

const atApproval = () =>
  threadWith({
    workflow: "replacement",
    slots: { order_id: "18422", photos: "2 photos", items: "Mug" },
  });
const step = (s: ReturnType<typeof atApproval>) =>
  workflowView(s.workflow!, s.slots, "medium", s.control).currentStep;

describe("handing the conversation back", () => {
  it("returns it to the AI at the step the workflow stood at, and wakes the agent", () => {
    const before = atApproval();
    const taken = transferred(before, { to: "human", by: DANA, mode: "cold" }, minutesAfter(30));
    const back = transferred(taken.state, { to: "ai", by: DANA }, minutesAfter(40));
    expect(back.plan).toMatchObject({ ok: true, wantsAgentRun: true, told: null });
    expect(back.plan.ok && back.plan.facts.map((f) => f.type)).toEqual([
      "control.changed",
      "control.transferred",
      "ai.joined",
    ]);
    expect(back.state.control).toBe("ai");
    expect(holdOf(back.state)).toMatchObject({ holder: null, ai: "present" });
    expect(step(back.state)).toBe(step(before));
    expect(back.state.workflow).toEqual(before.workflow);
    expect(back.state.slots).toEqual(before.slots);
  });

  it("after a warm transfer the AI is still there: it does not join twice", () => {
    const taken = transferred(atApproval(), { to: "human", by: DANA }, minutesAfter(30));
    const back = transferred(taken.state, { to: "ai", by: DANA }, minutesAfter(40));
    expect(back.plan.ok && back.plan.facts.map((f) => f.type)).toEqual([
      "control.changed",
      "control.transferred",
    ]);
  });

  it("is the holder's or a supervisor's to do, and not twice", () => {
    const taken = transferred(atApproval(), { to: "human", by: DANA }, minutesAfter(30));
    const at = minutesAfter(40);
    expect(planTransfer(taken.state, { requestId: "x", to: "ai", by: SAM }, at, null)).toEqual({
      ok: false,
      reason: "Dana Whitfield has this conversation: only they or a supervisor can hand it back.",
    });
    expect(planTransfer(taken.state, { requestId: "x", to: "ai", by: LEE }, at, null).ok).toBe(
      true,
    );
    const back = transferred(taken.state, { to: "ai", by: DANA }, at);
    expect(planTransfer(back.state, { requestId: "y", to: "ai", by: DANA }, at, null).ok).toBe(
      false,
    );
  });
});
