import type { StoredSettings } from "./settings";
import type { NoteFieldIds } from "../domain/note-rendering";
import type { RolloutPlan } from "../domain/metrics/rollout";
import { METRIC_IDS, type MetricId } from "../domain/metrics/catalog";

export interface PolicyConfig {
  continuityWindowDays: number;
  verificationTtlHours: number;
  autoReply: boolean;
  defaultCountry?: string;
  returnWindowDays?: number;
  refundApprovalThreshold?: number;
  warrantyMonths?: number;
  openingHours?: string;
}

export interface RetentionConfig {
  messagesDays: number;
  identifiersDays: number;
  verificationDays: number;
  artifactDays: number;
  auditDays: number;
}

export type ZendeskAuth =
  | { kind: "token"; email: string; apiToken: string }
  | {
      kind: "oauth";
      token: string;
      /** Present when the token lapses: renewed with the refresh token before it does. */
      refreshToken?: string;
      expiresAt?: string;
    };

export type OrdersConfig =
  { kind: "none" } | { kind: "demo" } | { kind: "http"; baseUrl: string; token?: string };

export interface TenantConfig {
  id: string;
  subdomain: string;
  zendesk: {
    baseUrl: string;
    auth: ZendeskAuth | null;
    webhookSecret: string | null;
    customFields: NoteFieldIds;
    updatesPerMinute: number;
  };
  sunco: {
    baseUrl: string;
    appId: string | null;
    keyId: string | null;
    keySecret: string | null;
    webhookSecret: string | null;
  };
  orders: OrdersConfig;
  ai:
    | { provider: "rules" }
    | { provider: "workers-ai"; model: string }
    | { provider: "openai-compatible"; baseUrl: string; model: string; apiKey?: string };
  policy: PolicyConfig;
  retention: RetentionConfig;
  /** The running rollout, complete (enabled with a declared primary metric), or null. */
  rollout: RolloutPlan | null;
  /** Sites that may frame the web chat page; empty: any https site. */
  webChat: { frameOrigins: string[] };
}

/**
 * The country a phone number written without its code is read in, when reading customers' words
 * and masking them in stored transcripts: the tenant's, else the US.
 */
export function phoneCountry(policy: PolicyConfig): string {
  return policy.defaultCountry ?? "US";
}

export const DEFAULT_POLICY: PolicyConfig = {
  continuityWindowDays: 14,
  verificationTtlHours: 24,
  autoReply: false,
};
export const DEFAULT_RETENTION: RetentionConfig = {
  messagesDays: 90,
  identifiersDays: 730,
  verificationDays: 365,
  artifactDays: 180,
  auditDays: 365,
};

function str(bag: Record<string, unknown> | undefined, key: string): string | null {
  const value = bag?.[key];
  return typeof value === "string" && value ? value : null;
}

function trimSlash(url: string): string {
  return url.replace(/\/+$/, "");
}

/** Settings with defaults filled in. Every external base URL can be overridden. */
export function resolveTenantConfig(
  id: string,
  subdomain: string,
  visible: StoredSettings,
  secrets: StoredSettings,
): TenantConfig {
  const zd = { ...visible.zendesk, ...secrets.zendesk };
  const sc = { ...visible.sunco, ...secrets.sunco };
  const orders = { ...visible.orders, ...secrets.orders };
  const ai = { ...visible.ai, ...secrets.ai };
  const zdSubdomain = str(zd, "subdomain") ?? subdomain;
  const zendeskBase = trimSlash(str(zd, "baseUrl") ?? `https://${zdSubdomain}.zendesk.com`);

  const email = str(zd, "email");
  const apiToken = str(zd, "apiToken");
  const oauthToken = str(zd, "oauthToken");
  const refreshToken = str(zd, "oauthRefreshToken");
  const expiresAt = str(zd, "oauthExpiresAt");
  const auth: ZendeskAuth | null = oauthToken
    ? {
        kind: "oauth",
        token: oauthToken,
        ...(refreshToken && { refreshToken }),
        ...(expiresAt && { expiresAt }),
      }
    : email && apiToken
      ? { kind: "token", email, apiToken }
      : null;

  const ordersConfig: OrdersConfig =
    orders.demo === true
      ? { kind: "demo" }
      : str(orders, "baseUrl")
        ? {
            kind: "http",
            baseUrl: trimSlash(str(orders, "baseUrl")!),
            ...(str(orders, "token") && { token: str(orders, "token")! }),
          }
        : { kind: "none" };

  const provider = str(ai, "provider") ?? "rules";
  const aiConfig: TenantConfig["ai"] =
    provider === "workers-ai"
      ? { provider, model: str(ai, "model") ?? "@cf/meta/llama-3.1-8b-instruct" }
      : provider === "openai-compatible"
        ? {
            provider,
            baseUrl: trimSlash(str(ai, "baseUrl") ?? ""),
            model: str(ai, "model") ?? "",
            ...(str(ai, "apiKey") && { apiKey: str(ai, "apiKey")! }),
          }
        : { provider: "rules" };

  return {
    id,
    subdomain,
    zendesk: {
      baseUrl: zendeskBase,
      auth,
      webhookSecret: str(zd, "webhookSecret"),
      customFields: (zd.customFields as TenantConfig["zendesk"]["customFields"]) ?? {},
      // Below Zendesk's default of 100 per minute, leaving room for the account's other integrations.
      updatesPerMinute: typeof zd.updatesPerMinute === "number" ? zd.updatesPerMinute : 90,
    },
    sunco: {
      baseUrl: trimSlash(str(sc, "baseUrl") ?? `https://${zdSubdomain}.zendesk.com/sc`),
      appId: str(sc, "appId"),
      keyId: str(sc, "keyId"),
      keySecret: str(sc, "keySecret"),
      webhookSecret: str(sc, "webhookSecret"),
    },
    orders: ordersConfig,
    ai: aiConfig,
    policy: { ...DEFAULT_POLICY, ...(visible.policy as Partial<PolicyConfig>) },
    retention: { ...DEFAULT_RETENTION, ...(visible.retention as Partial<RetentionConfig>) },
    rollout: rolloutOf(visible.rollout),
    webChat: {
      frameOrigins: Array.isArray(visible.webChat?.frameOrigins)
        ? (visible.webChat.frameOrigins as string[])
        : [],
    },
  };
}

function rolloutOf(bag: Record<string, unknown> | undefined): RolloutPlan | null {
  const primary = bag?.primaryMetric;
  if (bag?.enabled !== true || !METRIC_IDS.includes(primary as MetricId)) return null;
  return {
    enabled: true,
    primaryMetric: primary as MetricId,
    continuityShare: typeof bag.continuityShare === "number" ? bag.continuityShare : 0.5,
    salt: typeof bag.salt === "string" ? bag.salt : "rollout-1",
    ...(bag.gate ? { gate: bag.gate as RolloutPlan["gate"] } : {}),
  };
}
