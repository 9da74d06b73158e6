import { describe, expect, it } from "vitest";
import { auditTrail } from "../../src/domain/audit-trail";
import { minutesAfter, threadWith } from "./agent-factories";
import { DANA, LEE, transferred } from "./transfer-factories";

describe("every transfer, takeover, join and leave is in the audit trail", () => {
  it("with time, role and the identity of who did it", () => {
    const at = minutesAfter(30);
    const before = threadWith({});
    const cold = transferred(before, { to: "human", by: DANA, mode: "cold" }, at);
    const entries = auditTrail(before, cold.state, cold.facts, at, "human:A-7");
    expect(entries).toEqual(
      expect.arrayContaining([
        {
          at,
          actor: "human:A-7",
          action: "control.transferred",
          threadId: before.id,
          data: { kind: "cold", to: "human", role: "agent", participantId: "A-7", from: null },
        },
        {
          at,
          actor: "system:live-session",
          action: "session.left",
          threadId: before.id,
          data: { role: "ai", participantId: "ai", reason: "cold_transfer" },
        },
      ]),
    );
    const later = minutesAfter(40);
    const takeover = transferred(cold.state, { to: "human", by: LEE }, later);
    expect(auditTrail(cold.state, takeover.state, takeover.facts, later, "human:S-1")).toEqual([
      {
        at: later,
        actor: "human:S-1",
        action: "control.transferred",
        threadId: before.id,
        data: {
          kind: "takeover",
          to: "human",
          role: "supervisor",
          participantId: "S-1",
          from: { role: "agent", participantId: "A-7" },
        },
      },
    ]);
    const back = transferred(takeover.state, { to: "ai", by: LEE }, minutesAfter(50));
    expect(
      auditTrail(takeover.state, back.state, back.facts, minutesAfter(50), "human:S-1").map((e) => [
        e.action,
        e.data?.kind ?? e.data?.role,
      ]),
    ).toEqual([
      ["control.transferred", "handback"],
      ["session.joined", "ai"],
    ]);
  });
});
