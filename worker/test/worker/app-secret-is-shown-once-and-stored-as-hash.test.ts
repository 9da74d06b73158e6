import { env } from "cloudflare:test";
import { beforeEach, describe, expect, it } from "vitest";
import { channelEvent } from "./support/factories";
import { createTenant, sendChannelEvent, ticketContext } from "./support/tenant";
import { call, migrate, OPERATOR } from "./support/worker";

beforeEach(migrate);

describe("the app secret", () => {
  it("is never stored, only its keyed hash and a sealed signing digest", async () => {
    const tenant = await createTenant();
    const row = await env.DB.prepare("SELECT * FROM tenants WHERE id = ?")
      .bind(tenant.tenantId)
      .first();
    expect(JSON.stringify(row)).not.toContain(tenant.appSecret);
    expect(JSON.stringify(row)).not.toContain(tenant.appSecret.slice(3, 40));
    // HMAC with a key over 64 bytes keys with its SHA-256; the secret is long enough for that.
    expect(new TextEncoder().encode(tenant.appSecret).length).toBeGreaterThan(64);
  });

  it("stops working when rotated, and the new one works", async () => {
    const tenant = await createTenant();
    const rotated = await call(`/v1/admin/tenants/${tenant.tenantId}/app-secret`, {
      method: "POST",
      headers: OPERATOR,
    });
    expect(rotated.status).toBe(200);
    const { appSecret } = (await rotated.json()) as { appSecret: string };
    expect(appSecret).not.toBe(tenant.appSecret);

    expect((await ticketContext(tenant, "1")).status).toBe(401);
    expect((await ticketContext(tenant, "1", appSecret)).status).toBe(404);
    // Channel signatures follow the secret too.
    expect((await sendChannelEvent(tenant, channelEvent())).status).toBe(401);
    expect((await sendChannelEvent({ ...tenant, appSecret }, channelEvent())).status).toBe(202);
  });
});
