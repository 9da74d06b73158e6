import { randomBytes } from "node:crypto";
import type { AdminClient } from "../../scripts/lib/admin-client";
import type { DemoTenant } from "../../scripts/lib/demo-tenant";
import { LOCAL_OAUTH_CLIENT, type StandinUrls } from "../../scripts/standins/index";
import type { DemoJourney } from "./demo-journey";

/** Where the preview gets its tenant: the local demo tenant for `npm start`, a fresh one in tests. */
export interface TenantSource {
  load(): Promise<DemoTenant>;
  /** A tenant with no history, for "start over". */
  renew(): Promise<DemoTenant>;
  /** Keep the tenant's secrets after Connect replaced its app secret and webhook secret. */
  keep?(tenant: DemoTenant): Promise<void>;
}

/** Who the preview signs in as: a Zendesk admin, so the nav bar's Setup page is theirs. */
export const PREVIEW_ADMIN = { id: "501", name: "Sam Rivera", role: "admin" } as const;

/** The app's installation id in the preview's account (Connect writes its secret setting). */
export const PREVIEW_INSTALLATION_ID = 1;

/** The tenant the sidebar reads, wired to this run's vendor stand-ins. */
export interface DemoSession {
  tenant: DemoTenant;
  subdomain: string;
  /** The tenant's space in each stand-in (`/s/<space>/…`): the account's subdomain, as Connect's
   * `ZENDESK_ACCOUNT_URL` (`…/s/{subdomain}`) finds it. */
  space: string;
  /** Whether an earlier run connected it with OAuth: its tokens died with that run's stand-in. */
  wasConnected: boolean;
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
  const read = await admin.call<{ subdomain: string; configuredSecrets: string[] }>(
    "GET",
    `/v1/admin/tenants/${tenant.tenantId}/settings`,
  );
  if (read.status !== 200)
    throw new Error(`reading tenant ${tenant.tenantId} answered ${read.status}`);
  const space = read.body.subdomain;
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
    // The account side: the Worker's local OAuth client, the admin who approves, and the app
    // installed with the demo tenant's secret, which Connect replaces as on a real account.
    oauth: { client: LOCAL_OAUTH_CLIENT, approver: PREVIEW_ADMIN },
    installations: [
      {
        id: PREVIEW_INSTALLATION_ID,
        settings: { workerUrl: admin.baseUrl, appSecret: tenant.appSecret },
      },
    ],
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
    wasConnected: read.body.configuredSecrets.includes("zendesk.oauthToken"),
    zendesk,
    sunco: { baseUrl: `${standins.sunco}/s/${space}` },
  };
}

interface AccountState {
  installations: Record<string, { settings: Record<string, string> }>;
  webhooks: { endpoint: string; signing_secret: string }[];
}

/**
 * The installation as Zendesk holds it: Connect writes a new app secret into it, and Zendesk then
 * signs the webhook Connect made with that webhook's own secret. The session follows both, so
 * the proxy sends the new secret and the demo's deliveries are signed as the account's are.
 * Answers the installation's settings; true in `changed` when the tenant's secrets moved.
 */
export async function followInstallation(
  session: DemoSession,
  standins: StandinUrls,
): Promise<{ settings: Record<string, string>; changed: boolean }> {
  const response = await fetch(`${standins.zendesk}/__control/${session.space}/state`);
  if (!response.ok) throw new Error(`stand-in state answered ${response.status}`);
  const state = (await response.json()) as AccountState;
  const settings = state.installations[String(PREVIEW_INSTALLATION_ID)]?.settings ?? {};
  const appSecret = settings.appSecret;
  if (!appSecret || appSecret === session.tenant.appSecret) return { settings, changed: false };
  const webhook = state.webhooks.find((w) =>
    w.endpoint.endsWith(`/v1/webhooks/zendesk/${session.tenant.tenantId}`),
  );
  session.tenant.appSecret = appSecret;
  if (webhook) session.tenant.zendeskWebhookSecret = webhook.signing_secret;
  return { settings, changed: true };
}
