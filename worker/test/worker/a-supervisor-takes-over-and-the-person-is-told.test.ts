import { beforeEach, describe, expect, it } from "vitest";
import { attach, sessionToken, type PresenceMessage } from "./support/live-session";
import {
  CONVERSATION,
  controlAudit,
  customerWithTheAi,
  threadLog,
  transfer,
} from "./support/transfers";
import { migrate } from "./support/worker";

beforeEach(migrate);

type Told = PresenceMessage & { control?: { owner: string; holder: { participantId: string } } };

describe("a supervisor taking over", () => {
  it("becomes the person with the conversation, and the one who had it is told", async () => {
    const { tenant, threadId } = await customerWithTheAi();
    expect((await transfer(tenant, threadId, { to: "human", mode: "cold" })).status).toBe(200);
    const dana = await attach(
      threadId,
      await sessionToken(tenant, threadId, { sessionId: CONVERSATION }),
    );
    await dana.until("Dana holds it", () => {
      const told = dana.presence() as Told | undefined;
      return told?.control?.holder?.participantId === "agent-7";
    });

    // Another agent may not take it; a supervisor may.
    const sam = await transfer(tenant, threadId, { to: "human", actor: "agent-8", name: "Sam" });
    expect(sam.status).toBe(422);
    const lee = await transfer(tenant, threadId, {
      to: "human",
      role: "supervisor",
      actor: "lead-3",
      name: "Lee Park",
    });
    expect(lee.status).toBe(200);

    await dana.until("Dana told", () => {
      const told = dana.presence() as Told | undefined;
      return told?.control?.holder?.participantId === "lead-3";
    });
    const takeover = dana
      .events()
      .find((m) => m.event.type === "control.transferred" && m.event.from !== null);
    expect(takeover?.event).toMatchObject({
      to: "human",
      by: { role: "supervisor", participantId: "lead-3" },
      from: { role: "agent", participantId: "agent-7" },
    });
    expect(
      (await threadLog(tenant, threadId)).filter((e) => e.type === "control.transferred"),
    ).toHaveLength(2);
    expect(await controlAudit(tenant, threadId)).toEqual([
      "control.transferred human:agent-7 agent cold",
      "session.left system:live-session ai cold_transfer",
      "control.transferred human:lead-3 supervisor takeover",
    ]);
    dana.close();
  });
});
