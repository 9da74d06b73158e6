import { env } from "cloudflare:test";
import { beforeEach, describe, expect, it } from "vitest";
import {
  adminSession,
  connected,
  errorCode,
  installedAppSecret,
  newAccount,
  roundTrip,
  tenantOf,
  type Account,
} from "./support/oauth";
import { call, migrate } from "./support/worker";

beforeEach(migrate);

const ADMIN = { id: "7001", name: "Avery Admin", role: "admin" };

async function health(account: Account, session: string) {
  return call("/v1/setup/health", {
    headers: {
      authorization: `Bearer ${await installedAppSecret(account)}`,
      "x-continuity-admin-session": session,
    },
  });
}

describe("an admin session holds for its own account, until it lapses", () => {
  it("refuses a lapsed session", async () => {
    const account = await newAccount(ADMIN);
    await connected(account);
    const session = await adminSession(account);
    expect((await health(account, session)).status).toBe(200);
    const tenant = await tenantOf(account.subdomain);
    await env.DB.prepare("UPDATE admin_sessions SET expires_at = ?1 WHERE tenant_id = ?2")
      .bind(new Date(Date.now() - 1000).toISOString(), tenant!.id)
      .run();
    const lapsed = await health(account, session);
    expect(lapsed.status).toBe(403);
    expect(await errorCode(lapsed)).toBe("admin_session_expired");
  });

  it("refuses another account's session", async () => {
    const account = await newAccount(ADMIN);
    await connected(account);
    const other = await newAccount(ADMIN);
    await connected(other);
    const theirs = await adminSession(other);
    const response = await health(account, theirs);
    expect(response.status).toBe(403);
    expect(await errorCode(response)).toBe("other_account");
  });

  it("ends with Disconnect", async () => {
    const account = await newAccount(ADMIN);
    await connected(account);
    await adminSession(account);
    const tenant = await tenantOf(account.subdomain);
    expect((await roundTrip(account, "disconnect")).status).toBe(200);
    const left = await env.DB.prepare(
      "SELECT COUNT(*) AS n FROM admin_sessions WHERE tenant_id = ?1",
    )
      .bind(tenant!.id)
      .first<{ n: number }>();
    expect(left!.n).toBe(0);
  });
});
