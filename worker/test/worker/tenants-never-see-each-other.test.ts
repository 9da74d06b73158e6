import { beforeEach, describe, expect, it } from "vitest";
import { channelEvent, customer, order } from "./support/factories";
import { createTenant, sendChannelEvent, settle, ticketContext } from "./support/tenant";
import { call, migrate } from "./support/worker";

beforeEach(migrate);

describe("tenancy", () => {
  it("gives another tenant's secret a 404, never data", async () => {
    const acme = await createTenant({ orders: { customers: [customer()], orders: [order()] } });
    const globex = await createTenant();
    await sendChannelEvent(
      acme,
      channelEvent({
        ticketId: "555",
        identifiers: [{ type: "email", value: "maya.ortiz@example.com" }],
      }),
    );
    await settle(acme);

    expect((await ticketContext(acme, "555")).status).toBe(200);
    const leaked = await ticketContext(globex, "555");
    expect(leaked.status).toBe(404);
    expect(await leaked.text()).not.toContain("THR-");

    const { thread } = (await (await ticketContext(acme, "555")).json()) as {
      thread: { id: string };
    };
    const events = await call(`/v1/threads/${thread.id}/events`, {
      headers: { authorization: `Bearer ${globex.appSecret}` },
    });
    expect(events.status).toBe(404);
  });

  it("keeps equal identifiers apart: the same email in two tenants hashes differently", async () => {
    const a = await createTenant({ orders: { customers: [customer()], orders: [order()] } });
    const b = await createTenant({ orders: { customers: [customer()], orders: [order()] } });
    for (const tenant of [a, b]) {
      await sendChannelEvent(
        tenant,
        channelEvent({
          ticketId: "1",
          identifiers: [{ type: "email", value: "maya.ortiz@example.com" }],
        }),
      );
      await settle(tenant);
    }
    const { env } = await import("cloudflare:test");
    const { results } = await env.DB.prepare(
      "SELECT tenant_id, hash FROM identities WHERE kind = 'email'",
    ).all<{ tenant_id: string; hash: string }>();
    const hashes = new Map(results.map((r) => [r.tenant_id, r.hash]));
    expect(hashes.get(a.tenantId)).toBeDefined();
    expect(hashes.get(a.tenantId)).not.toBe(hashes.get(b.tenantId));
  });

  it("never trusts the tenant named in a URL for sidebar calls: the secret decides", async () => {
    const acme = await createTenant();
    const response = await call(`/v1/tickets/1/context?tenantId=${acme.tenantId}`, {
      headers: { authorization: "Bearer cs_not-a-real-secret" },
    });
    expect(response.status).toBe(401);
  });
});
