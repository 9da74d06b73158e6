import { checklist, type SetupFacts } from "../../domain/setup-checklist";
import type { Env } from "../../env";
import { ApiError } from "../../lib/problem";
import type { AppRouteHandler } from "../../lib/types";
import { setupStepsOf } from "../../store/setup-steps";
import { lastInboundEvent, notesSince } from "../../store/setup-health";
import { changeSettings } from "../../tenancy/accounts";
import { configuredSecrets, mergeSettings } from "../../tenancy/settings";
import { loadTenant, type LoadedTenant } from "../../tenancy/tenants";
import { checkAi, checkOrders } from "./connection-checks";
import { collectSession as collect } from "./collect-session";
import type {
  CollectSessionRoute,
  HealthRoute,
  PutSettingsRoute,
  RunCheckRoute,
} from "./setup.routes";

const HOUR_MS = 3_600_000;

/** Everything the checklist needs, read and tested at once. */
async function readFacts(env: Env, tenant: LoadedTenant): Promise<SetupFacts> {
  const { config } = tenant;
  const [steps, lastEvent, notes, orders, ai] = await Promise.all([
    // The Zendesk integration records its provisioning under its registry name.
    setupStepsOf(env.DB, config.id, "zendesk"),
    lastInboundEvent(env.DB, config.id),
    notesSince(env.DB, config.id, new Date(Date.now() - HOUR_MS).toISOString()),
    checkOrders(config.orders),
    checkAi(config.ai, env),
  ]);
  const connectedBy = steps.get("connected_by") as { userId: string; scopes: string[] } | undefined;
  const webhook = steps.get("webhook") as { id: string } | undefined;
  return {
    zendesk: {
      auth: config.zendesk.auth
        ? config.zendesk.auth.kind === "oauth"
          ? "oauth"
          : "token"
        : "none",
      connectedBy: connectedBy ?? null,
      webhookId: webhook?.id ?? null,
      signed: Boolean(config.zendesk.webhookSecret),
    },
    lastEvent,
    notes,
    sunco: {
      configured: Boolean(config.sunco.appId && config.sunco.keyId && config.sunco.keySecret),
    },
    orders: { kind: config.orders.kind, check: orders },
    ai: { provider: config.ai.provider, check: ai },
    retention: {
      days: { ...config.retention },
      autoReply: config.policy.autoReply,
      continuityWindowDays: config.policy.continuityWindowDays,
    },
  };
}

async function healthOf(env: Env, tenant: LoadedTenant) {
  const visible = tenant.record.settings;
  return {
    tenantId: tenant.record.id,
    subdomain: tenant.record.subdomain,
    rows: checklist(await readFacts(env, tenant)),
    settings: {
      orders: (visible.orders as Record<string, unknown> | undefined) ?? null,
      ai: (visible.ai as Record<string, unknown> | undefined) ?? null,
      policy: { ...tenant.config.policy },
      retention: { ...tenant.config.retention },
      webChat: { frameOrigins: [...tenant.config.webChat.frameOrigins] },
    },
    configuredSecrets: configuredSecrets(tenant.secrets).filter(
      (name) => name.startsWith("orders.") || name.startsWith("ai."),
    ),
  };
}

export const health: AppRouteHandler<HealthRoute> = async (c) =>
  c.json(await healthOf(c.env, c.get("tenant")), 200);

export const putSettings: AppRouteHandler<PutSettingsRoute> = async (c) => {
  const update = c.req.valid("json");
  const tenantId = c.get("tenant").config.id;
  await changeSettings(c.env, tenantId, (current) => mergeSettings(current, update)).catch(() => {
    throw new ApiError(409, "settings_conflict", "The settings changed while saving; try again");
  });
  const fresh = await loadTenant(c.env, tenantId, { fresh: true });
  if (!fresh) throw new ApiError(404, "tenant_not_found", "The tenant is gone");
  // Which sections changed, never their values: settings may hold credentials.
  console.log(
    JSON.stringify({ msg: "setup settings updated", tenantId, sections: Object.keys(update) }),
  );
  return c.json(await healthOf(c.env, fresh), 200);
};

export const runCheck: AppRouteHandler<RunCheckRoute> = async (c) => {
  const { target } = c.req.valid("param");
  const tenant =
    (await loadTenant(c.env, c.get("tenant").config.id, { fresh: true })) ?? c.get("tenant");
  const check =
    target === "orders"
      ? await checkOrders(tenant.config.orders)
      : await checkAi(tenant.config.ai, c.env);
  return c.json(check, 200);
};

export const collectSession: AppRouteHandler<CollectSessionRoute> = async (c) =>
  c.json(await collect(c.env, c.get("tenant"), c.req.valid("json").state, new Date()), 200);
