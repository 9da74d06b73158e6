import { randomBytes } from "node:crypto";
import type { AdminClient } from "../../scripts/lib/admin-client";
import type { DemoTenant } from "../../scripts/lib/demo-tenant";
import type { StandinUrls } from "../../scripts/standins/index";
import type { DemoJourney } from "./demo-journey";

/** Where the preview gets its tenant: the local demo tenant for `npm start`, a fresh one in tests. */
export interface TenantSource {
  load(): Promise<DemoTenant>;
  /** A tenant with no history, for "start over". */
  renew(): Promise<DemoTenant>;
}

/** The tenant the sidebar reads, wired to this run's vendor stand-ins. */
export interface DemoSession {
  tenant: DemoTenant;
  subdomain: string;
  /** The tenant's space in each stand-in (`/s/<space>/…`). */
  space: string;
  zendesk: { baseUrl: string; email: string; apiToken: string };
  sunco: { baseUrl: string };
}

async function control(base: string, space: string, action: string, body: unknown) {
  const response = await fetch(`${base}/__control/${space}/${action}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`stand-in ${action} answered ${response.status}`);
}

/**
 * Point the tenant's Zendesk and Sunshine Conversations base URLs at the stand-ins, with
 * credentials made up for this run (the stand-ins forget everything when they stop), and load the
 * journey's Zendesk users. Tickets appear later, as the journey reaches them.
 */
export async function connectSession(
  admin: AdminClient,
  tenant: DemoTenant,
  standins: StandinUrls,
  demo: DemoJourney,
): Promise<DemoSession> {
  const read = await admin.call<{ subdomain: string }>(
    "GET",
    `/v1/admin/tenants/${tenant.tenantId}/settings`,
  );
  if (read.status !== 200)
    throw new Error(`reading tenant ${tenant.tenantId} answered ${read.status}`);
  const space = `preview-${tenant.tenantId.replace(/[^A-Za-z0-9_-]/g, "")}`;
  const zendesk = {
    baseUrl: `${standins.zendesk}/s/${space}`,
    email: "continuity-bot@example.com",
    apiToken: randomBytes(12).toString("hex"),
  };
  const sunco = {
    appId: "app_continuity_demo",
    keyId: "key_preview",
    keySecret: randomBytes(12).toString("hex"),
  };
  await control(standins.zendesk, space, "reset", {});
  await control(standins.sunco, space, "reset", {});
  await control(standins.zendesk, space, "load", {
    credentials: { email: zendesk.email, apiToken: zendesk.apiToken },
    users: demo.journey.zendesk?.users ?? [],
  });
  await control(standins.sunco, space, "load", sunco);
  await admin.putSettings(tenant.tenantId, {
    zendesk: {
      email: zendesk.email,
      apiToken: zendesk.apiToken,
      webhookSecret: tenant.zendeskWebhookSecret,
      baseUrl: zendesk.baseUrl,
    },
    sunco: {
      ...sunco,
      webhookSecret: tenant.suncoWebhookSecret,
      baseUrl: `${standins.sunco}/s/${space}`,
    },
    orders: { demo: true },
    ai: { provider: "rules" },
  });
  return {
    tenant,
    subdomain: read.body.subdomain,
    space,
    zendesk,
    sunco: { baseUrl: `${standins.sunco}/s/${space}` },
  };
}
