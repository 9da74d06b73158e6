import { beforeEach, describe, expect, it } from "vitest";
import {
  authorizeUrl,
  callback,
  collect,
  connected,
  consent,
  errorCode,
  installedAppSecret,
  newAccount,
} from "./support/oauth";
import { call, migrate } from "./support/worker";

beforeEach(migrate);

const ADMIN = { id: "7001", name: "Avery Admin", role: "admin" };

describe("an admin session is collected", () => {
  it("once, after the callback, by the app holding the state", async () => {
    const account = await newAccount(ADMIN);
    await connected(account);
    const authorize = await authorizeUrl(account, "admin_session");
    const state = authorize.searchParams.get("state")!;
    const early = await collect(account, state);
    expect(early.status).toBe(404);
    expect(await errorCode(early)).toBe("session_pending");

    expect((await callback(await consent(authorize))).status).toBe(200);
    const first = await collect(account, state);
    expect(first.status).toBe(200);
    const session = (await first.json()) as {
      sessionToken: string;
      userId: string;
      expiresAt: string;
    };
    expect(session.userId).toBe(ADMIN.id);
    expect(Date.parse(session.expiresAt) - Date.now()).toBeGreaterThan(7 * 3_600_000);

    const again = await collect(account, state);
    expect(again.status).toBe(409);
    const refusal = await again.text();
    expect(refusal).toContain("session_gone");
    expect(refusal).not.toContain(session.sessionToken);

    const health = await call("/v1/setup/health", {
      headers: {
        authorization: `Bearer ${await installedAppSecret(account)}`,
        "x-continuity-admin-session": session.sessionToken,
      },
    });
    expect(health.status).toBe(200);
  });

  it("not with a state it did not sign, nor with another account's app", async () => {
    const account = await newAccount(ADMIN);
    await connected(account);
    const other = await newAccount(ADMIN);
    await connected(other);
    const authorize = await authorizeUrl(account, "admin_session");
    const state = authorize.searchParams.get("state")!;
    await callback(await consent(authorize));

    const forged = await collect(account, `${state.split(".")[0]}.AAAA`);
    expect(forged.status).toBe(400);
    const elsewhere = await collect(account, state, await installedAppSecret(other));
    expect(elsewhere.status).toBe(403);
    expect(await errorCode(elsewhere)).toBe("other_account");
    // Still there for the app that holds it.
    expect((await collect(account, state)).status).toBe(200);
  });

  it("after Connect too, which proved the admin already", async () => {
    const account = await newAccount(ADMIN);
    const authorize = await authorizeUrl(account, "connect");
    expect((await callback(await consent(authorize))).status).toBe(200);
    const collected = await collect(account, authorize.searchParams.get("state")!);
    expect(collected.status).toBe(200);
    expect(await collected.json()).toMatchObject({ userId: ADMIN.id });
  });
});
