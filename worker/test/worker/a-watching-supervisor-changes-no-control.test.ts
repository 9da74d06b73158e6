import { beforeEach, describe, expect, it } from "vitest";
import { attach, sessionToken, type PresenceMessage } from "./support/live-session";
import { readSessionContext } from "./support/tenant";
import { auditOf, CONVERSATION, customerWithTheAi, transfer } from "./support/transfers";
import { migrate } from "./support/worker";

beforeEach(migrate);

type Told = PresenceMessage & { control?: { owner: string; holder: { participantId: string } } };

describe("a supervisor watching", () => {
  it("is present and recorded, and control stays where it was", async () => {
    const { tenant, threadId } = await customerWithTheAi();
    expect((await transfer(tenant, threadId, { to: "human" })).status).toBe(200);
    const held = await readSessionContext(tenant, CONVERSATION);

    const supervisor = await attach(
      threadId,
      await sessionToken(tenant, threadId, {
        sessionId: CONVERSATION,
        actor: "lead-3",
        role: "supervisor",
      }),
    );
    await supervisor.until("presence", () => Boolean(supervisor.presence()));
    const told = supervisor.presence() as Told;
    expect(told.participants.map((p) => p.role)).toEqual(["ai", "supervisor"]);
    expect(told.control).toMatchObject({ owner: "human", holder: { participantId: "agent-7" } });

    const after = await readSessionContext(tenant, CONVERSATION);
    expect(after.control).toBe("human");
    expect(after.version).toBe(held.version + 1);
    const entries = (await auditOf(tenant, threadId)).filter((e) =>
      ["session.joined", "control.transferred"].includes(e.action),
    );
    expect(entries.map((e) => `${e.action} ${e.actor} ${String(e.data.role)}`)).toEqual([
      "control.transferred human:agent-7 agent",
      "session.joined human:lead-3 supervisor",
    ]);
    supervisor.close();
  });
});
