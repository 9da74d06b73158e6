import { env } from "cloudflare:test";
import { beforeEach, describe, expect, it } from "vitest";
import type { ChannelEvent } from "../../src/domain/channel-event";
import { sealEvent } from "../../src/ingest/delivery-copy";
import { sweep } from "../../src/scheduled";
import { claimDeliveries } from "../../src/store/deliveries";
import { customer, order, zendeskUser } from "./support/factories";
import { createTenant, settle, ticketContext } from "./support/tenant";
import { migrate } from "./support/worker";

beforeEach(migrate);

const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000).toISOString();

/**
 * A trigger delivery as the Worker sealed it before ChannelEvent lost its Zendesk fields: the
 * requester under `zendeskRequesterId`, and `zendeskFetch` where `incomplete` is now.
 */
const sealedBeforeTheRename: ChannelEvent & { zendeskRequesterId: string; zendeskFetch: "ticket" } =
  {
    source: "zendesk",
    eventId: "trigger:130:2026-03-05T10:00:00Z",
    occurredAt: "2026-03-05T10:00:00.000Z",
    channel: "email",
    ticketId: "130",
    identifiers: [],
    artifacts: [],
    zendeskRequesterId: "9001",
    ticket: { status: "open", assigneeId: null, requesterId: "9001" },
    zendeskFetch: "ticket",
  };

describe("an event sealed with the old Zendesk fields", () => {
  it("is still enriched with the ticket's text and the requester's profile when it is replayed", async () => {
    const tenant = await createTenant({
      orders: { customers: [customer()], orders: [order()] },
      zendesk: {
        users: [zendeskUser("9001", "maya.ortiz@example.com")],
        tickets: [
          {
            id: "130",
            requester_id: "9001",
            via: "email",
            subject: "Broken vase",
            description: "Order #18422 arrived broken",
          },
        ],
      },
    });
    // Claimed and sealed by the old Worker, whose queue message was lost: the sweep queues it again.
    const event = sealedBeforeTheRename;
    const sealedEvent = await sealEvent(env, tenant.tenantId, event);
    await claimDeliveries(env.DB, tenant.tenantId, [{ event, sealedEvent }], {
      now: minutesAgo(10),
      until: minutesAgo(1),
    });
    expect((await sweep(env, new Date())).deliveries).toBe(1);
    await settle(tenant);

    const context = (await (await ticketContext(tenant, "130")).json()) as {
      identity: { level: string };
      channels: string[];
    };
    // The email comes from the requester's profile, the order from the ticket's text: both read.
    expect(context.identity.level).toBe("medium");
    expect(context.channels).toEqual(["email"]);
    const described = await env.DB.prepare(
      `SELECT COUNT(*) AS n FROM thread_events WHERE tenant_id = ?1 AND type = 'message.received' AND data LIKE '%arrived broken%'`,
    )
      .bind(tenant.tenantId)
      .first<{ n: number }>();
    expect(described!.n).toBe(1);
  });
});
