import { env } from "cloudflare:test";
import { beforeEach, describe, expect, it } from "vitest";
import { zendeskTicketEvent, zendeskUser } from "./support/factories";
import { connected, newAccount, received, roundTrip } from "./support/oauth";
import { createTenant, sendZendeskEvent, settle } from "./support/tenant";
import { migrate } from "./support/worker";

beforeEach(migrate);

const expected = () => ({
  "x-zendesk-marketplace-name": env.ZENDESK_MARKETPLACE_NAME,
  "x-zendesk-marketplace-organization-id": env.ZENDESK_MARKETPLACE_ORGANIZATION_ID,
  "x-zendesk-marketplace-app-id": env.ZENDESK_MARKETPLACE_APP_ID,
});

describe("the Marketplace headers", () => {
  it("go with every call of connecting and disconnecting", async () => {
    const account = await newAccount();
    await connected(account);
    expect((await roundTrip(account, "disconnect")).status).toBe(200);
    // The browser's own visits (the consent page) are not ours to label.
    const calls = (await received(account)).filter(
      (r) => !r.path.startsWith("/oauth/authorizations"),
    );
    expect(
      new Set(calls.map((r) => `${r.method} ${r.path.replace(/\/[0-9A-F]{24,}|\/\d+/g, "/:id")}`)),
    ).toEqual(
      new Set([
        "POST /oauth/tokens",
        "GET /api/v2/users/me.json",
        "GET /api/v2/webhooks",
        "POST /api/v2/webhooks",
        "GET /api/v2/webhooks/:id/signing_secret",
        "PUT /api/v2/apps/installations/:id.json",
        "GET /api/v2/apps/installations/:id/requirements",
        "DELETE /api/v2/webhooks/:id",
        "DELETE /api/v2/oauth/tokens/current.json",
      ]),
    );
    for (const call of calls)
      expect(call.headers, `${call.method} ${call.path}`).toMatchObject(expected());
  });

  it("go with the reads and writes of ticket work", async () => {
    const tenant = await createTenant({
      zendesk: {
        users: [zendeskUser("9001", "maya@example.com")],
        tickets: [{ id: "910", requester_id: "9001", via: "email" }],
      },
    });
    const response = await sendZendeskEvent(
      tenant,
      zendeskTicketEvent("created", { id: "910", requester_id: "9001" }),
    );
    expect(response.status).toBe(202);
    await settle(tenant);
    const calls = await received(tenant.space);
    expect(calls.length).toBeGreaterThan(0);
    for (const call of calls)
      expect(call.headers, `${call.method} ${call.path}`).toMatchObject(expected());
  });
});
