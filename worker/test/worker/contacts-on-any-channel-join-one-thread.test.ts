import { beforeEach, describe, expect, it } from "vitest";
import {
  channelEvent,
  customer,
  order,
  zendeskTicketEvent,
  zendeskUser,
} from "./support/factories";
import {
  createTenant,
  sendChannelEvent,
  sendZendeskEvent,
  sessionContext,
  settle,
  ticketContext,
} from "./support/tenant";
import { migrate } from "./support/worker";

beforeEach(migrate);

type Context = {
  thread: { id: string };
  identity: { level: string; customerId: string | null };
  channels: string[];
  tickets: { id: string }[];
  timeline: { kind: string }[];
};

describe("a damaged order reported on chat, then email, then a call", () => {
  it("lands every contact on one thread, with the identity each contact earned", async () => {
    const tenant = await createTenant({
      orders: { customers: [customer()], orders: [order()] },
      zendesk: {
        users: [zendeskUser("9001", "maya.ortiz@example.com")],
        tickets: [{ id: "102", requester_id: "9001", via: "email" }],
      },
    });

    const chat = await sendChannelEvent(
      tenant,
      channelEvent({
        channel: "web_chat",
        sessionId: "WC-9931",
        ticketId: "101",
        identifiers: [{ type: "email", value: "Maya.Ortiz@Example.com" }],
        message: { author: "customer", text: "My order #18422 arrived damaged." },
      }),
    );
    expect(chat.status).toBe(202);
    await settle(tenant);

    await sendZendeskEvent(
      tenant,
      zendeskTicketEvent("created", {
        id: "102",
        requester_id: "9001",
        description: "Following up - same order #18422.",
        time: "2026-03-02T18:30:00Z",
      }),
    );
    await settle(tenant);

    await sendChannelEvent(
      tenant,
      channelEvent({
        channel: "voice",
        occurredAt: "2026-03-04T16:05:00Z",
        sessionId: "VC-18b9",
        ticketId: "103",
        identifiers: [{ type: "phone", value: "+14155550100" }],
        message: { author: "customer", text: "It's the same order." },
      }),
    );
    await settle(tenant);

    const [c101, c102, c103, session] = (await Promise.all([
      ticketContext(tenant, "101").then((r) => r.json()),
      ticketContext(tenant, "102").then((r) => r.json()),
      ticketContext(tenant, "103").then((r) => r.json()),
      sessionContext(tenant, "WC-9931").then((r) => r.json()),
    ])) as [Context, Context, Context, Context];

    expect(c101.thread.id).toMatch(/^THR-/);
    expect([c102.thread.id, c103.thread.id, session.thread.id]).toEqual([
      c101.thread.id,
      c101.thread.id,
      c101.thread.id,
    ]);
    // Email and an order that belongs to the same customer: two independent signals.
    expect(c101.identity).toMatchObject({ level: "medium", customerId: "C-1001" });
    expect(c102.identity).toMatchObject({ level: "medium", customerId: "C-1001" });
    // Caller ID alone is one unverified identifier: the call is honestly low, not inherited.
    expect(c103.identity).toMatchObject({ level: "low", customerId: "C-1001" });
    expect(c103.channels).toEqual(["web_chat", "email", "voice"]);
    expect(c103.tickets.map((t) => t.id).sort()).toEqual(["101", "102", "103"]);
    expect(c103.timeline.filter((e) => e.kind === "channel_switch")).toHaveLength(2);
  });
});
