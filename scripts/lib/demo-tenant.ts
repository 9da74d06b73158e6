import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { AdminClient } from "./admin-client";
import { ROOT } from "./local-env";

export interface DemoTenant {
  tenantId: string;
  appSecret: string;
  zendeskWebhookSecret: string;
  suncoWebhookSecret: string;
}

export const DEMO_TENANT_FILE = path.join(ROOT, ".wrangler", "continuity-demo.json");

/**
 * A new tenant on the embedded defaults: the demo order system and the rules provider. Nothing
 * is written to disk; `ensureDemoTenant` and `renewDemoTenant` keep the local demo's copy.
 */
export async function createDemoTenant(admin: AdminClient): Promise<DemoTenant> {
  const subdomain = `demo-${randomBytes(3).toString("hex")}`;
  const { tenantId, appSecret } = await admin.createTenant(subdomain);
  const demo: DemoTenant = {
    tenantId,
    appSecret,
    zendeskWebhookSecret: randomBytes(24).toString("base64"),
    suncoWebhookSecret: randomBytes(24).toString("hex"),
  };
  await admin.putSettings(tenantId, {
    zendesk: { subdomain, webhookSecret: demo.zendeskWebhookSecret },
    sunco: { webhookSecret: demo.suncoWebhookSecret },
    orders: { demo: true },
    ai: { provider: "rules" },
    // The demo store's own policies (issue 15): the same figures its Help Center articles state
    // (scripts/standins/help-center-articles.json). Another tenant sets its own, or none.
    policy: { returnWindowDays: 30, warrantyMonths: 24, openingHours: "every day from 8am to 8pm" },
  });
  return demo;
}

/**
 * The local demo tenant. Its app secret is kept in a git-ignored file so local tools can sign
 * requests on its behalf.
 */
export async function ensureDemoTenant(admin: AdminClient): Promise<DemoTenant> {
  if (existsSync(DEMO_TENANT_FILE)) {
    const saved = JSON.parse(readFileSync(DEMO_TENANT_FILE, "utf8")) as DemoTenant;
    const check = await admin.call("GET", `/v1/admin/tenants/${saved.tenantId}/settings`);
    if (check.status === 200) return saved;
  }
  return renewDemoTenant(admin);
}

/** Replace the local demo tenant with a fresh one (the preview's "start over"). */
export async function renewDemoTenant(admin: AdminClient): Promise<DemoTenant> {
  const demo = await createDemoTenant(admin);
  keepDemoTenant(demo);
  return demo;
}

/** Keep the demo tenant's secrets (Connect replaces the app secret and the webhook's). */
export function keepDemoTenant(demo: DemoTenant): void {
  writeFileSync(DEMO_TENANT_FILE, JSON.stringify(demo, null, 2), { mode: 0o600 });
}
