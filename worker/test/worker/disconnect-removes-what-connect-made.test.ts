import { beforeEach, describe, expect, it } from "vitest";
import { env } from "cloudflare:test";
import {
  accountState,
  authorizeUrl,
  callback,
  connected,
  consent,
  errorCode,
  installedAppSecret,
  newAccount,
  roundTrip,
  start,
} from "./support/oauth";
import { call, migrate, OPERATOR } from "./support/worker";

beforeEach(migrate);

describe("disconnecting an account", () => {
  it("deletes the webhook, revokes the tokens, forgets the credentials and keeps the tenant's data", async () => {
    const account = await newAccount();
    const first = await connected(account);
    const response = await roundTrip(account, "disconnect");
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      tenantId: string;
      removed: { webhooks: string[]; triggers: string[] };
      tokensRevoked: number;
      data: { kept: boolean; until: string; message: string };
    };
    expect(body.tenantId).toBe(first.tenantId);
    expect(body.removed).toEqual({ webhooks: [first.webhook.id], triggers: [] });
    expect(body.tokensRevoked).toBe(2);
    expect(body.data).toMatchObject({ kept: true, until: "retention" });
    expect(body.data.message).toContain("erasure");

    const state = await accountState(account);
    expect(state.webhooks).toEqual([]);
    expect(state.tokens.every((t) => t.revoked)).toBe(true);

    // The tenant stays, without the account's credentials.
    const settings = await call(`/v1/admin/tenants/${first.tenantId}/settings`, {
      headers: OPERATOR,
    });
    expect(settings.status).toBe(200);
    expect(((await settings.json()) as { configuredSecrets: string[] }).configuredSecrets).toEqual(
      [],
    );
  });

  it("lets the account connect again afresh", async () => {
    const account = await newAccount();
    const first = await connected(account);
    expect((await roundTrip(account, "disconnect")).status).toBe(200);
    const again = await connected(account);
    expect(again.tenantId).toBe(first.tenantId);
    expect(again.steps.slice(2).map((s) => s.outcome)).toEqual([
      "created",
      "done",
      "done",
      "found",
    ]);
    expect((await accountState(account)).webhooks).toHaveLength(1);
  });

  it("is started by the installed app only: no app secret is 401, another account's is 403", async () => {
    const ours = await newAccount();
    const theirs = await newAccount();
    await connected(ours);
    await connected(theirs);
    const bare = await start(ours, "disconnect", { appSecret: "" });
    expect(bare.status).toBe(401);
    const wrong = await start(ours, "disconnect", {
      appSecret: (await installedAppSecret(theirs))!,
    });
    expect(wrong.status).toBe(403);
    expect(await errorCode(wrong)).toBe("other_account");
    expect((await accountState(ours)).webhooks).toHaveLength(1);
  });

  it("answers 404 once the tenant is gone for the account, and revokes the token it was given", async () => {
    const account = await newAccount();
    const first = await connected(account);
    // The tenant moved to another subdomain (an operator's fix): nothing is connected for this one.
    const path = await consent(await authorizeUrl(account, "disconnect"));
    await env.DB.prepare("UPDATE tenants SET subdomain = ?2 WHERE id = ?1")
      .bind(first.tenantId, `${account.subdomain}-moved`)
      .run();
    const response = await callback(path);
    expect(response.status).toBe(404);
    expect(await errorCode(response)).toBe("not_connected");
    const tokens = (await accountState(account)).tokens;
    expect(tokens.filter((t) => !t.revoked)).toHaveLength(1); // the connected tenant's own
  });
});
