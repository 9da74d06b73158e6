import { env } from "cloudflare:test";
import { beforeEach, describe, expect, it } from "vitest";
import { channelEvent, customer, order } from "./support/factories";
import { createTenant, readContext, sendChannelEvent, settle } from "./support/tenant";
import { control, migrate } from "./support/worker";

beforeEach(migrate);

describe("context assembly before every decision", () => {
  it("reads the order's status fresh and records which sources it used", async () => {
    const tenant = await createTenant({
      orders: {
        customers: [customer({ tier: "premium" })],
        orders: [order({ status: "processed" })],
      },
    });
    const ask = (id: string, at: string, text: string) =>
      sendChannelEvent(
        tenant,
        channelEvent({
          id,
          ticketId: "800",
          occurredAt: at,
          identifiers: [{ type: "email", value: "maya.ortiz@example.com" }],
          message: { author: "customer", text },
        }),
      );

    await ask("q-1", "2026-03-01T09:00:00Z", "Where is my order #18422?");
    await settle(tenant);
    expect((await readContext(tenant, "800")).agent.replies.at(-1)?.text).toContain(
      "has been processed",
    );

    // The warehouse ships and the carrier delivers; nothing tells us but the order system.
    await control("orders", tenant.space, "reset");
    await control("orders", tenant.space, "load", {
      token: `oms-${tenant.space}`,
      customers: [customer({ tier: "premium" })],
      orders: [
        order({
          status: "delivered",
          deliveredAt: "2026-03-02T10:00:00Z",
          shipments: [{ status: "delivered", carrier: "UPS", tracking: "1Z999" }],
        }),
      ],
    });
    await ask("q-2", "2026-03-02T12:00:00Z", "Any update on order #18422?");
    await settle(tenant);
    const latest = (await readContext(tenant, "800")).agent.replies.at(-1)?.text ?? "";
    expect(latest).toContain("was delivered on 2026-03-02");
    expect(latest).toContain("1Z999");

    const { results } = await env.DB.prepare(
      "SELECT data FROM audit_log WHERE tenant_id = ?1 AND action = 'context.assembled' ORDER BY id",
    )
      .bind(tenant.tenantId)
      .all<{ data: string }>();
    const sources = results.map((r) => (JSON.parse(r.data) as { sources: string[] }).sources);
    expect(sources).toHaveLength(2);
    for (const run of sources)
      expect(run).toEqual(expect.arrayContaining(["thread", "orders:order"]));
    // The tier does not change decisions: the second run read it from the cache.
    expect(sources[0]).toContain("d1:customer");
    expect(sources[1]).toContain("kv:customer");
  });

  it("adds the ticket's priority and next SLA target from Zendesk, cached for a minute", async () => {
    const tenant = await createTenant({
      orders: { customers: [customer()], orders: [order({ status: "processed" })] },
      zendesk: {
        tickets: [
          {
            id: "810",
            requester_id: "1",
            via: "email",
            priority: "high",
            sla: { metric: "first_reply_time", breach_at: "2026-03-01T12:00:00Z" },
          },
        ],
      },
    });
    const ask = (id: string, at: string) =>
      sendChannelEvent(
        tenant,
        channelEvent({
          id,
          ticketId: "810",
          occurredAt: at,
          identifiers: [{ type: "email", value: "maya.ortiz@example.com" }],
          message: { author: "customer", text: "Where is my order #18422?" },
        }),
      );
    await ask("s-1", "2026-03-01T09:00:00Z");
    await settle(tenant);
    await ask("s-2", "2026-03-01T09:05:00Z");
    await settle(tenant);
    const { results } = await env.DB.prepare(
      "SELECT data FROM audit_log WHERE tenant_id = ?1 AND action = 'agent.decided' ORDER BY id",
    )
      .bind(tenant.tenantId)
      .all<{ data: string }>();
    expect(results).toHaveLength(2);
    const sources = (
      await env.DB.prepare(
        "SELECT data FROM audit_log WHERE tenant_id = ?1 AND action = 'context.assembled' ORDER BY id",
      )
        .bind(tenant.tenantId)
        .all<{ data: string }>()
    ).results.map((r) => (JSON.parse(r.data) as { sources: string[] }).sources);
    expect(sources[0]).toContain("zendesk:ticket");
    expect(sources[1]).toContain("kv:ticket");
    const cached = await env.CACHE.get<{
      priority: string;
      sla: { metric: string; breachAt: string };
    }>(`ticket:${tenant.tenantId}:810`, "json");
    expect(cached).toEqual({
      priority: "high",
      sla: { metric: "first_reply_time", breachAt: "2026-03-01T12:00:00Z" },
    });
  });
});
