import { beforeEach, describe, expect, it } from "vitest";
import { connected, errorCode, installedAppSecret, newAccount, tenantOf } from "./support/oauth";
import { call, migrate } from "./support/worker";
import { env } from "cloudflare:test";

beforeEach(migrate);

const ADMIN = { id: "7001", name: "Avery Admin", role: "admin" };

describe("the setup API believes no user id the browser names", () => {
  it("refuses an agent's forged request naming the admin, and stores nothing", async () => {
    const account = await newAccount(ADMIN);
    await connected(account);
    const tenant = await tenantOf(account.subdomain);
    const before = await env.DB.prepare("SELECT * FROM tenants WHERE id = ?1")
      .bind(tenant!.id)
      .first();
    // What an agent can send through the app's proxy from devtools: the app secret is filled in
    // by Zendesk, the admin's id is typed by hand.
    const forged = await call("/v1/setup/settings", {
      method: "PUT",
      headers: {
        authorization: `Bearer ${await installedAppSecret(account)}`,
        "x-zendesk-user-id": ADMIN.id,
        "content-type": "application/json",
      },
      body: JSON.stringify({ orders: { baseUrl: "https://attacker.test/orders" } }),
    });
    expect(forged.status).toBe(403);
    expect(await errorCode(forged)).toBe("admin_session_required");
    const after = await env.DB.prepare("SELECT * FROM tenants WHERE id = ?1")
      .bind(tenant!.id)
      .first();
    expect(after).toEqual(before);
  });

  it("refuses a made-up session token", async () => {
    const account = await newAccount(ADMIN);
    await connected(account);
    const response = await call("/v1/setup/checks/orders", {
      method: "POST",
      headers: {
        authorization: `Bearer ${await installedAppSecret(account)}`,
        "x-continuity-admin-session": "not-a-session",
      },
    });
    expect(response.status).toBe(403);
    expect(await errorCode(response)).toBe("admin_session_unknown");
  });
});
