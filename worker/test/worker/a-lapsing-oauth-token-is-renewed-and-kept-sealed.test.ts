import { beforeEach, describe, expect, it } from "vitest";
import { zendeskTicketEvent, zendeskUser } from "./support/factories";
import { accountState, connected, newAccount, received } from "./support/oauth";
import { sendZendeskEvent, settle, type TestTenant } from "./support/tenant";
import { call, migrate, OPERATOR } from "./support/worker";

beforeEach(migrate);

interface SettingsView {
  configuredSecrets: string[];
  settings: { zendesk: { oauthExpiresAt?: string } };
}

async function settingsOf(tenantId: string): Promise<SettingsView> {
  const response = await call(`/v1/admin/tenants/${tenantId}/settings`, { headers: OPERATOR });
  return (await response.json()) as SettingsView;
}

describe("an OAuth token that lapses (clients made since Zendesk's token expiry)", () => {
  it("is renewed with its refresh token before a call, once, and the new pair is sealed", async () => {
    const account = await newAccount(undefined, {
      // The first token lapses in 30 s, inside the renewal margin; renewed ones live an hour.
      oauth: { expiresIn: 30, renewedExpiresIn: 3600 },
      users: [zendeskUser("9001", "maya@example.com")],
      tickets: [{ id: "910", requester_id: "9001", via: "email" }],
    });
    const answer = await connected(account);
    const before = await settingsOf(answer.tenantId);
    expect(before.configuredSecrets).toContain("zendesk.oauthRefreshToken");
    const lapses = Date.parse(before.settings.zendesk.oauthExpiresAt!);
    expect(lapses - Date.now()).toBeLessThanOrEqual(30_000);

    const state = await accountState(account);
    const tenant: TestTenant = {
      tenantId: answer.tenantId,
      appSecret: "",
      space: account.subdomain,
      zendeskSecret: state.webhooks[0]!.signing_secret,
      suncoSecret: "",
    };
    const delivered = await sendZendeskEvent(
      tenant,
      zendeskTicketEvent("created", { id: "910", requester_id: "9001" }),
    );
    expect(delivered.status).toBe(202);
    await settle(tenant);

    const calls = await received(account);
    const renewals = calls.filter(
      (r) =>
        r.path === "/oauth/tokens" &&
        (r.body as { grant_type?: string }).grant_type === "refresh_token",
    );
    expect(renewals).toHaveLength(1);
    expect(renewals[0]!.status).toBe(200);
    // The requester was read with the renewed token.
    const reads = calls.filter((r) => r.path.startsWith("/api/v2/users/9001"));
    expect(reads.length).toBeGreaterThan(0);
    expect(reads.every((r) => r.status === 200)).toBe(true);

    const tokens = (await accountState(account)).tokens;
    expect(tokens.filter((t) => !t.revoked)).toEqual([
      { userId: "7001", revoked: false, renewed: true },
    ]);
    const after = await settingsOf(answer.tenantId);
    expect(Date.parse(after.settings.zendesk.oauthExpiresAt!) - Date.now()).toBeGreaterThan(
      3_000_000,
    );
  });
});
