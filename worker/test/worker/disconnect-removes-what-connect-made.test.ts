import { beforeEach, describe, expect, it } from "vitest";
import { accountState, connected, errorCode, newAccount, roundTrip } from "./support/oauth";
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
    expect(again.steps.slice(2).map((s) => s.outcome)).toEqual(["created", "done", "done"]);
    expect((await accountState(account)).webhooks).toHaveLength(1);
  });

  it("answers 404 for an account that was never connected, and revokes the token it was given", async () => {
    const account = await newAccount();
    const response = await roundTrip(account, "disconnect");
    expect(response.status).toBe(404);
    expect(await errorCode(response)).toBe("not_connected");
    expect((await accountState(account)).tokens.every((t) => t.revoked)).toBe(true);
  });
});
