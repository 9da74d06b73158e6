import { beforeEach, describe, expect, it } from "vitest";
import { attach, sessionToken, type PresenceMessage } from "./support/live-session";
import { readSessionContext, sendSuncoEvents, settle, suncoSent } from "./support/tenant";
import {
  CONVERSATION,
  controlAudit,
  customerWithTheAi,
  threadLog,
  transfer,
  workspaceReply,
} from "./support/transfers";
import { migrate } from "./support/worker";

beforeEach(migrate);

type Told = PresenceMessage & { control?: { owner: string; aiStaying: boolean; holder: unknown } };
const roles = (m: PresenceMessage | undefined) => m?.participants.map((p) => p.role) ?? [];

describe("a warm transfer", () => {
  it("keeps the AI in the session, tells the customer who is joining, and the AI leaves at the person's first message", async () => {
    const { tenant, threadId } = await customerWithTheAi();
    const sidebar = await attach(
      threadId,
      await sessionToken(tenant, threadId, { sessionId: CONVERSATION }),
    );
    // The AI is in the session with the customer's conversation before anyone takes it.
    await sidebar.until("the AI and the agent", () => roles(sidebar.presence()).length === 2);
    expect(roles(sidebar.presence())).toEqual(["ai", "agent"]);

    const answer = await transfer(tenant, threadId, { to: "human" });
    expect(answer.status).toBe(200);
    expect(((await answer.json()) as { control: string }).control).toBe("human");
    await sidebar.until("control with Dana, the AI staying", () => {
      const told = sidebar.presence() as Told | undefined;
      return told?.control?.owner === "human";
    });
    const told = sidebar.presence() as Told;
    expect(told.control).toMatchObject({
      owner: "human",
      aiStaying: true,
      holder: { role: "agent", participantId: "agent-7", name: "Dana Whitfield" },
    });
    expect(roles(told)).toEqual(["ai", "agent"]);

    // Through the outbox: the customer is told by first name, and the conversation goes to the
    // agent workspace.
    await settle(tenant);
    let sent = await suncoSent(tenant, CONVERSATION);
    const joining = sent.messages.filter((m) => m.content.text?.includes("is joining"));
    expect(joining).toHaveLength(1);
    expect(joining[0]!.content.text).toContain("Dana from our team is joining");
    expect(joining[0]!.content.text).toContain("can see everything");
    expect(sent.controls).toHaveLength(1);

    // Dana writes from the agent workspace: the AI leaves the session.
    await sendSuncoEvents(tenant, workspaceReply("Hi, Dana here. Sorry about the mug!"));
    await settle(tenant);
    await sidebar.until("the AI gone", () => !roles(sidebar.presence()).includes("ai"));
    expect((sidebar.presence() as Told).control).toMatchObject({ aiStaying: false });
    // The AI said nothing more: the person has the conversation.
    sent = await suncoSent(tenant, CONVERSATION);
    expect(sent.messages.filter((m) => m.content.text?.includes("is joining"))).toHaveLength(1);

    const log = (await threadLog(tenant, threadId)).filter(
      (e) => e.type === "control.transferred" || e.type.startsWith("ai."),
    );
    expect(log).toEqual([
      expect.objectContaining({
        type: "control.transferred",
        to: "human",
        mode: "warm",
        by: { role: "agent", participantId: "agent-7", name: "Dana Whitfield" },
        from: null,
      }),
      expect.objectContaining({ type: "ai.left", reason: "first_message" }),
    ]);
    expect(await controlAudit(tenant, threadId)).toEqual([
      "control.transferred human:agent-7 agent warm",
      "session.left system:live-session ai first_message",
    ]);
    expect((await readSessionContext(tenant, CONVERSATION)).control).toBe("human");
    sidebar.close();
  });
});
