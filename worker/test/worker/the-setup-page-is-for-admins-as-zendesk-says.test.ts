import { beforeEach, describe, expect, it } from "vitest";
import {
  adminSession,
  authorizeUrl,
  consent,
  connected,
  errorCode,
  installedAppSecret,
  newAccount,
  type Account,
} from "./support/oauth";
import { call, migrate } from "./support/worker";

beforeEach(migrate);

const ADMIN = { id: "7001", name: "Avery Admin", role: "admin" };

async function setup(account: Account, path: string, session: string, init: RequestInit = {}) {
  const secret = await installedAppSecret(account);
  return call(path, {
    ...init,
    headers: {
      authorization: `Bearer ${secret}`,
      "x-continuity-admin-session": session,
      "content-type": "application/json",
    },
  });
}

interface Health {
  rows: { id: string; state: string; facts: Record<string, unknown>; fix: string | null }[];
  settings: { orders: unknown };
  configuredSecrets: string[];
}

describe("the setup API", () => {
  it("answers an admin the checklist: connected by whom, webhook signed, nothing seen yet", async () => {
    const account = await newAccount(ADMIN);
    await connected(account);
    const response = await setup(account, "/v1/setup/health", await adminSession(account));
    expect(response.status).toBe(200);
    const health = (await response.json()) as Health;
    const row = (id: string) => health.rows.find((r) => r.id === id)!;
    expect(row("zendesk")).toMatchObject({ state: "ok", facts: { auth: "oauth", userId: "7001" } });
    expect(row("zendesk").facts.scopes).toEqual(["read", "write"]);
    expect(row("webhook").state).toBe("ok");
    expect(row("lastEvent")).toMatchObject({ state: "missing", fix: "connect" });
    expect(row("orders")).toMatchObject({ state: "missing", fix: "orders" });
    expect(row("ai")).toMatchObject({ state: "ok", facts: { provider: "rules" } });
  });

  it("refuses a request without an admin session, and one without the app secret", async () => {
    const account = await newAccount(ADMIN);
    await connected(account);
    const secret = await installedAppSecret(account);
    const nobody = await call("/v1/setup/health", {
      headers: { authorization: `Bearer ${secret}` },
    });
    expect(nobody.status).toBe(403);
    expect(await errorCode(nobody)).toBe("admin_session_required");
    const session = await adminSession(account);
    const stranger = await call("/v1/setup/health", {
      headers: { "x-continuity-admin-session": session },
    });
    expect(stranger.status).toBe(401);
  });

  it("saves the order system with a write-only token and names a bad field", async () => {
    const account = await newAccount(ADMIN);
    await connected(account);
    const session = await adminSession(account);
    const bad = await setup(account, "/v1/setup/settings", session, {
      method: "PUT",
      body: JSON.stringify({ orders: { baseUrl: "not a url" } }),
    });
    expect(bad.status).toBe(422);
    const problem = (await bad.json()) as { error: { issues: { path: string }[] } };
    expect(problem.error.issues.map((i) => i.path)).toEqual(["orders.baseUrl"]);

    const saved = await setup(account, "/v1/setup/settings", session, {
      method: "PUT",
      body: JSON.stringify({
        orders: { baseUrl: "http://127.0.0.1:9/orders", token: "s3cret-token" },
      }),
    });
    expect(saved.status).toBe(200);
    const text = await saved.text();
    expect(text).not.toContain("s3cret-token");
    const health = JSON.parse(text) as Health;
    expect(health.configuredSecrets).toContain("orders.token");
    const orders = health.rows.find((r) => r.id === "orders")!;
    expect(orders.state).toBe("attention");
    expect(orders.facts.reason).toEqual(expect.any(String));

    const check = await setup(account, "/v1/setup/checks/orders", session, { method: "POST" });
    expect(check.status).toBe(200);
    expect(await check.json()).toMatchObject({ ok: false, reason: expect.any(String) });
  });

  it("answers the admin's consent window with a page that closes itself, not JSON", async () => {
    const account = await newAccount(ADMIN);
    const back = await consent(await authorizeUrl(account));
    const page = await call(back, { headers: { accept: "text/html,application/xhtml+xml" } });
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toContain("text/html");
    const html = await page.text();
    expect(html).toContain(`Continuity is connected to ${account.subdomain}.`);
    expect(html).toContain("window.close()");
  });
});
