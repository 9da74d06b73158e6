import { beforeEach, describe, expect, it } from "vitest";
import { channelEvent, customer, order } from "./support/factories";
import { attach, sessionToken } from "./support/live-session";
import { createTenant, readContext, sendChannelEvent, settle } from "./support/tenant";
import { call, migrate } from "./support/worker";

beforeEach(migrate);

describe("presence in a live session", () => {
  it("tells everyone who is there as people join and leave, and records each arrival and departure", async () => {
    const tenant = await createTenant({ orders: { customers: [customer()], orders: [order()] } });
    await sendChannelEvent(
      tenant,
      channelEvent({
        ticketId: "900",
        identifiers: [{ type: "email", value: "maya.ortiz@example.com" }],
        message: { author: "customer", text: "My order #18422 arrived damaged." },
      }),
    );
    await settle(tenant);
    const { thread } = await readContext(tenant, "900");

    const agent = await attach(
      thread.id,
      await sessionToken(tenant, thread.id, { ticketId: "900" }),
    );
    // The AI agent has the conversation, so it is in the session too, listed first.
    await agent.until("the agent with the AI", () => agent.presence()?.participants.length === 2);
    const supervisor = await attach(
      thread.id,
      await sessionToken(tenant, thread.id, {
        ticketId: "900",
        actor: "lead-3",
        role: "supervisor",
        label: "sidebar, second screen",
      }),
    );
    const both = [
      { role: "ai", participantId: "ai", label: "AI agent" },
      { role: "agent", participantId: "agent-7", label: "sidebar" },
      { role: "supervisor", participantId: "lead-3", label: "sidebar, second screen" },
    ];
    for (const one of [agent, supervisor])
      await one.until("both", () => one.presence()?.participants.length === 3);
    expect(agent.presence()!.participants).toMatchObject(both);
    expect(supervisor.presence()!.participants).toMatchObject(both);

    supervisor.close();
    await agent.until("the supervisor gone", () => agent.presence()?.participants.length === 2);
    expect(agent.presence()!.participants).toMatchObject(both.slice(0, 2));
    await agent.until("the departure in the log", () =>
      agent.events().some((m) => m.event.type === "participant.left"),
    );

    const log = (await (
      await call(`/v1/threads/${thread.id}/events?limit=500`, {
        headers: { authorization: `Bearer ${tenant.appSecret}` },
      })
    ).json()) as { events: { event: { type: string; role?: string; participantId?: string } }[] };
    const attendance = log.events
      .map((e) => e.event)
      .filter((e) => e.type.startsWith("participant."))
      .map((e) => `${e.type} ${e.role} ${e.participantId}`);
    expect(attendance).toEqual([
      "participant.joined agent agent-7",
      "participant.joined supervisor lead-3",
      "participant.left supervisor lead-3",
    ]);

    const audit = (await (
      await call(`/v1/threads/${thread.id}/audit`, {
        headers: { authorization: `Bearer ${tenant.appSecret}` },
      })
    ).json()) as { events: { actor: string; action: string; data: { role?: string } }[] };
    expect(
      audit.events
        .filter((e) => e.action.startsWith("session."))
        .map((e) => `${e.action} ${e.actor} ${e.data.role}`),
    ).toEqual([
      "session.joined human:agent-7 agent",
      "session.joined human:lead-3 supervisor",
      "session.left human:lead-3 supervisor",
    ]);
    agent.close();
  });
});
