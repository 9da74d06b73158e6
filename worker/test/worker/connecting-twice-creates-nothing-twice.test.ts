import { env } from "cloudflare:test";
import { beforeEach, describe, expect, it } from "vitest";
import { zendeskTicketEvent } from "./support/factories";
import { accountState, connected, newAccount, received, tenantOf } from "./support/oauth";
import { sendZendeskEvent, ticketContext, type TestTenant } from "./support/tenant";
import { call, migrate, OPERATOR, standins } from "./support/worker";

beforeEach(migrate);

const EVENTS = [
  "zen:event-type:ticket.created",
  "zen:event-type:ticket.comment_added",
  "zen:event-type:ticket.status_changed",
  "zen:event-type:ticket.agent_assignment_changed",
  "zen:event-type:ticket.requester_changed",
];

describe("connecting an account", () => {
  it("creates the tenant, one event webhook, seals the token and signing secret, and writes the app secret", async () => {
    const account = await newAccount();
    const answer = await connected(account);
    expect(answer.steps).toEqual([
      { step: "tenant", outcome: "created" },
      { step: "credentials", outcome: "done" },
      { step: "webhook", outcome: "created" },
      { step: "signing_secret", outcome: "done" },
      { step: "app_secret", outcome: "done" },
      { step: "ticket_fields", outcome: "found" },
    ]);
    const state = await accountState(account);
    expect(state.webhooks).toHaveLength(1);
    const webhook = state.webhooks[0]!;
    expect(webhook).toMatchObject({
      id: answer.webhook.id,
      endpoint: `https://continuity.test/v1/webhooks/zendesk/${answer.tenantId}`,
      subscriptions: EVENTS,
    });

    // Sealed, never answered.
    const settings = await call(`/v1/admin/tenants/${answer.tenantId}/settings`, {
      headers: OPERATOR,
    });
    const view = (await settings.json()) as {
      configuredSecrets: string[];
      settings: { zendesk: Record<string, unknown> };
    };
    expect(view.configuredSecrets).toEqual(["zendesk.oauthToken", "zendesk.webhookSecret"]);
    expect(view.settings.zendesk.subdomain).toBe(account.subdomain);
    const row = await tenantOf(account.subdomain);
    expect(row?.secrets_sealed).toMatch(/^v1\./);
    expect(JSON.stringify(row)).not.toContain(webhook.signing_secret);

    // The secret written into the installation is the tenant's: the sidebar can call with it.
    const appSecret = state.installations[account.installationId]!.settings.appSecret!;
    expect(appSecret).toMatch(/^cs_/);
    const tenant: TestTenant = {
      tenantId: answer.tenantId,
      appSecret,
      space: account.subdomain,
      zendeskSecret: webhook.signing_secret,
      suncoSecret: "",
    };
    expect((await ticketContext(tenant, "1")).status).not.toBe(401);
    // The webhook's own signing secret is the one the inbound route checks.
    const delivered = await sendZendeskEvent(tenant, zendeskTicketEvent("created", { id: "900" }));
    expect(delivered.status).toBe(202);
  });

  it("twice: one tenant, one webhook, one secret write", async () => {
    const account = await newAccount();
    const first = await connected(account);
    const second = await connected(account);
    expect(second.tenantId).toBe(first.tenantId);
    expect(second.webhook.id).toBe(first.webhook.id);
    expect(second.steps).toEqual([
      { step: "tenant", outcome: "found" },
      { step: "credentials", outcome: "done" },
      { step: "webhook", outcome: "kept" },
      { step: "signing_secret", outcome: "kept" },
      { step: "app_secret", outcome: "kept" },
      { step: "ticket_fields", outcome: "kept" },
    ]);
    const state = await accountState(account);
    expect(state.webhooks).toHaveLength(1);
    const writes = (await received(account)).filter((r) => r.method !== "GET");
    const count = (method: string, path: RegExp) =>
      writes.filter((r) => r.method === method && path.test(r.path)).length;
    expect(count("POST", /^\/api\/v2\/webhooks$/)).toBe(1);
    expect(count("PUT", /^\/api\/v2\/apps\/installations\//)).toBe(1);
    const tenants = await env.DB.prepare("SELECT COUNT(*) AS n FROM tenants WHERE subdomain = ?1")
      .bind(account.subdomain)
      .first<{ n: number }>();
    expect(tenants?.n).toBe(1);
  });

  it("makes the webhook again when an admin deleted it, and reads its new secret", async () => {
    const account = await newAccount();
    const first = await connected(account);
    // Deleted by hand in Admin Center.
    await fetch(
      `${standins().zendesk}/s/${account.subdomain}/api/v2/webhooks/${first.webhook.id}`,
      {
        method: "DELETE",
      },
    );
    const second = await connected(account);
    expect(second.webhook.id).not.toBe(first.webhook.id);
    expect(second.steps.slice(2)).toEqual([
      { step: "webhook", outcome: "created" },
      { step: "signing_secret", outcome: "done" },
      { step: "app_secret", outcome: "kept" },
      { step: "ticket_fields", outcome: "kept" },
    ]);
    const state = await accountState(account);
    expect(state.webhooks.map((w) => w.id)).toEqual([second.webhook.id]);
    const tenant: TestTenant = {
      tenantId: second.tenantId,
      appSecret: "",
      space: account.subdomain,
      zendeskSecret: state.webhooks[0]!.signing_secret,
      suncoSecret: "",
    };
    const delivered = await sendZendeskEvent(tenant, zendeskTicketEvent("created", { id: "901" }));
    expect(delivered.status).toBe(202);
  });
});
