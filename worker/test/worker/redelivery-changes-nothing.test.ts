import { env } from "cloudflare:test";
import { beforeEach, describe, expect, it } from "vitest";
import {
  channelEvent,
  customer,
  order,
  suncoDelivery,
  suncoMessage,
  zendeskTicketEvent,
  zendeskUser,
} from "./support/factories";
import {
  createTenant,
  sendChannelEvent,
  sendSuncoEvents,
  sendZendeskEvent,
  settle,
  ticketContext,
} from "./support/tenant";
import { migrate, rowCounts } from "./support/worker";

beforeEach(migrate);

describe("a redelivered event", () => {
  it("answers 2xx and changes nothing, on every inbound endpoint", async () => {
    const tenant = await createTenant({
      orders: { customers: [customer()], orders: [order()] },
      zendesk: { users: [zendeskUser("9001", "maya.ortiz@example.com")] },
    });
    const chat = channelEvent({
      ticketId: "101",
      sessionId: "WC-1",
      identifiers: [{ type: "email", value: "maya.ortiz@example.com" }],
      message: { author: "customer", text: "Order #18422 is broken" },
    });
    const zendesk = zendeskTicketEvent("created", {
      id: "102",
      requester_id: "9001",
      description: "About #18422",
    });
    const sunco = suncoDelivery([suncoMessage({ conversationId: "conv_1", text: "hi" })]);

    expect((await sendChannelEvent(tenant, chat)).status).toBe(202);
    expect((await sendZendeskEvent(tenant, zendesk)).status).toBe(202);
    expect((await sendSuncoEvents(tenant, sunco)).status).toBe(202);
    await settle(tenant);
    const before = await rowCounts(tenant.tenantId);
    const contextBefore = await (await ticketContext(tenant, "101")).json();

    for (let i = 0; i < 3; i++) {
      const answers = await Promise.all([
        sendChannelEvent(tenant, chat),
        sendZendeskEvent(tenant, zendesk),
        sendSuncoEvents(tenant, sunco),
      ]);
      for (const answer of answers) {
        expect(answer.status).toBe(200);
        expect(await answer.json()).toEqual({ accepted: 0, duplicates: 1, ignored: 0 });
      }
    }
    await settle(tenant);
    expect(await rowCounts(tenant.tenantId)).toEqual(before);
    expect(await (await ticketContext(tenant, "101")).json()).toEqual(contextBefore);
  });

  it("delivered twice to the queue (at-least-once) is recorded once", async () => {
    const tenant = await createTenant({ orders: { customers: [customer()], orders: [order()] } });
    const event = channelEvent({
      ticketId: "301",
      identifiers: [{ type: "email", value: "maya.ortiz@example.com" }],
    });
    await sendChannelEvent(tenant, event);
    await settle(tenant);
    const before = await rowCounts(tenant.tenantId);
    // The queue may deliver a message again after a crash; the facts' keys make it a no-op.
    await env.INGEST_QUEUE.send({
      v: 1,
      tenantId: tenant.tenantId,
      event: {
        source: "channel",
        eventId: event.id,
        occurredAt: event.occurredAt,
        channel: "web_chat",
        ticketId: "301",
        identifiers: event.identifiers as never,
        artifacts: [],
        message: { author: "customer", text: "Hello", public: true },
      },
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    await settle(tenant);
    expect(await rowCounts(tenant.tenantId)).toEqual(before);
  });
});
