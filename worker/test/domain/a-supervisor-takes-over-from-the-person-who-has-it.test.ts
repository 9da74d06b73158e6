import { describe, expect, it } from "vitest";
import { holdOf, planTransfer } from "../../src/domain/transfer";
import { minutesAfter, threadWith } from "./agent-factories";
import { DANA, LEE, SAM, transferred } from "./transfer-factories";

describe("a supervisor taking over", () => {
  const taken = transferred(threadWith({}), { to: "human", by: DANA }, minutesAfter(30));

  it("makes the supervisor the holder and names who had it; the AI's place is unchanged", () => {
    const { plan, state } = transferred(taken.state, { to: "human", by: LEE }, minutesAfter(35));
    expect(plan).toMatchObject({ ok: true, told: null, wantsAgentRun: false });
    expect(plan.ok && plan.facts).toEqual([
      expect.objectContaining({ type: "control.transferred", by: LEE, from: DANA, mode: null }),
    ]);
    expect(state.control).toBe("human");
    expect(holdOf(state)).toMatchObject({ holder: LEE, ai: holdOf(taken.state).ai });
  });

  it("is a supervisor's to do: another agent cannot take a held conversation", () => {
    expect(
      planTransfer(taken.state, { requestId: "r", to: "human", by: SAM }, minutesAfter(35), null),
    ).toEqual({
      ok: false,
      reason: "Dana Whitfield has this conversation: a supervisor can take it over.",
    });
    expect(
      planTransfer(taken.state, { requestId: "r", to: "human", by: DANA }, minutesAfter(35), null),
    ).toEqual({ ok: false, reason: "You already have this conversation." });
  });
});
