import { env } from "cloudflare:test";
import { beforeEach, describe, expect, it } from "vitest";
import { call, migrate, OPERATOR } from "./support/worker";

beforeEach(migrate);

async function newTenant(subdomain: string) {
  const response = await call("/v1/admin/tenants", {
    method: "POST",
    headers: { ...OPERATOR, "content-type": "application/json" },
    body: JSON.stringify({ subdomain }),
  });
  return (await response.json()) as { tenantId: string; appSecret: string };
}

const put = (tenantId: string, body: unknown) =>
  call(`/v1/admin/tenants/${tenantId}/settings`, {
    method: "PUT",
    headers: { ...OPERATOR, "content-type": "application/json" },
    body: JSON.stringify(body),
  });

describe("tenant settings", () => {
  it("seal credentials at rest and answer without them", async () => {
    const { tenantId } = await newTenant("sealed");
    const apiToken = "zd-api-token-SECRET-123";
    const webhookSecret = "zd-webhook-SECRET-456";
    const response = await put(tenantId, {
      zendesk: {
        subdomain: "sealed",
        email: "bot@sealed.example",
        apiToken,
        webhookSecret,
        baseUrl: "https://proxy.sealed.example",
      },
      orders: { baseUrl: "https://oms.sealed.example/api", token: "oms-SECRET-789" },
      policy: { continuityWindowDays: 7 },
    });
    expect(response.status).toBe(200);
    const text = await response.text();
    for (const secret of [apiToken, webhookSecret, "oms-SECRET-789"])
      expect(text).not.toContain(secret);
    const view = JSON.parse(text) as {
      configuredSecrets: string[];
      settings: Record<string, Record<string, unknown>>;
    };
    expect(view.configuredSecrets).toEqual([
      "orders.token",
      "zendesk.apiToken",
      "zendesk.webhookSecret",
    ]);
    expect(view.settings.zendesk).toMatchObject({
      baseUrl: "https://proxy.sealed.example",
      email: "bot@sealed.example",
    });

    const row = await env.DB.prepare("SELECT * FROM tenants WHERE id = ?").bind(tenantId).first();
    const stored = JSON.stringify(row);
    for (const secret of [apiToken, webhookSecret, "oms-SECRET-789"])
      expect(stored).not.toContain(secret);
    expect(String(row?.secrets_sealed)).toMatch(/^v1\./);
  });

  it("merge partial updates and keep credentials that were not resent", async () => {
    const { tenantId } = await newTenant("partial");
    await put(tenantId, {
      zendesk: { email: "a@partial.example", apiToken: "t1", webhookSecret: "webhook-secret-1" },
    });
    const response = await put(tenantId, {
      zendesk: { email: "b@partial.example" },
      policy: { verificationTtlHours: 2 },
    });
    const view = (await response.json()) as {
      configuredSecrets: string[];
      settings: { zendesk: { email: string }; policy: { verificationTtlHours: number } };
    };
    expect(view.settings.zendesk.email).toBe("b@partial.example");
    expect(view.settings.policy.verificationTtlHours).toBe(2);
    expect(view.configuredSecrets).toEqual(["zendesk.apiToken", "zendesk.webhookSecret"]);
  });

  it("reject unknown sections and wrong types with the path at fault", async () => {
    const { tenantId } = await newTenant("strict");
    const response = await put(tenantId, {
      policy: { continuityWindowDays: "fourteen" },
      zendesk: { baseUrl: "ftp://nope" },
    });
    expect(response.status).toBe(422);
    const body = (await response.json()) as { error: { issues: { path: string }[] } };
    expect(body.error.issues.map((i) => i.path).sort()).toEqual([
      "policy.continuityWindowDays",
      "zendesk.baseUrl",
    ]);
  });

  it("answer 404 for an unknown tenant", async () => {
    expect((await put("ten_missing", { policy: { autoReply: true } })).status).toBe(404);
  });
});
