import { z } from "@hono/zod-openapi";
import { CHANNELS } from "../domain/channel-event";
import { METRIC_IDS } from "../domain/metrics/catalog";

const httpUrl = z.url({ protocol: /^https?$/ }).max(500);
const secret = z.string().min(1).max(1000);

export const ZendeskSettings = z
  .object({
    subdomain: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/i, "must be a Zendesk subdomain"),
    email: z.email(),
    apiToken: secret,
    oauthToken: secret,
    /** Renews `oauthToken` before it lapses (Zendesk's refresh-token grant); set by Connect. */
    oauthRefreshToken: secret,
    /** When `oauthToken` lapses; absent for tokens that do not. Set by Connect and each renewal. */
    oauthExpiresAt: z.iso.datetime({ offset: true }),
    webhookSecret: z.string().min(8).max(1000),
    baseUrl: httpUrl,
    /** Update-ticket requests per minute the Worker allows itself (Zendesk's default limit is 100). */
    updatesPerMinute: z.number().int().min(1).max(2500),
    /**
     * Ticket field ids the note writer fills: category, reason code and step, mapped by hand; the
     * thread id and identity level fields the app's requirements make, which Connect fills in.
     */
    customFields: z
      .object({
        category: z.number().int().positive(),
        reasonCode: z.number().int().positive(),
        step: z.number().int().positive(),
        threadId: z.number().int().positive(),
        identityLevel: z.number().int().positive(),
      })
      .partial()
      .strict(),
  })
  .partial()
  .strict();

export const SuncoSettings = z
  .object({
    appId: z.string().min(1).max(200),
    keyId: z.string().min(1).max(200),
    keySecret: secret,
    webhookSecret: z.string().min(8).max(1000),
    baseUrl: httpUrl,
  })
  .partial()
  .strict();

export const OrdersSettings = z.union([
  z.object({ demo: z.literal(true) }).strict(),
  z.object({ baseUrl: httpUrl, token: secret.optional() }).strict(),
]);

export const AiSettings = z.discriminatedUnion("provider", [
  z.object({ provider: z.literal("rules") }).strict(),
  z.object({ provider: z.literal("workers-ai"), model: z.string().min(1).max(200) }).strict(),
  z
    .object({
      provider: z.literal("openai-compatible"),
      baseUrl: httpUrl,
      model: z.string().min(1).max(200),
      apiKey: secret.optional(),
    })
    .strict(),
]);

/** A policy the tenant may set or, with `null`, clear: none is assumed for a tenant without one. */
const clearable = <T extends z.ZodType>(schema: T) =>
  schema.nullable().openapi({
    description: "`null` clears it: no policy, and a person decides what it would have decided.",
  });

export const PolicySettings = z
  .object({
    continuityWindowDays: z.number().int().min(1).max(365),
    verificationTtlHours: z
      .number()
      .int()
      .min(1)
      .max(24 * 365),
    autoReply: z.boolean(),
    /**
     * Policies that decide actions (issue 15), the tenant's own: days from delivery an order may
     * be returned (the order's own `returnWindowEndsAt` wins when the order system gives one)…
     * Each takes `null` to clear it: no policy again, and a person decides what it decided.
     */
    returnWindowDays: clearable(z.number().int().min(0).max(3650)),
    /** …the order total from which a refund waits for a person's approval (below it, it does not)… */
    refundApprovalThreshold: clearable(z.number().min(0).max(1_000_000)),
    /** …months of warranty from delivery… */
    warrantyMonths: clearable(z.number().int().min(0).max(1200)),
    /** …and when people answer, as the agent tells a customer it hands over ("8am–8pm, every day"). */
    openingHours: clearable(z.string().trim().min(1).max(120)),
    /** ISO 3166 country for phone numbers sent without a country code. */
    defaultCountry: z
      .string()
      .regex(/^[A-Za-z]{2}$/)
      .transform((c) => c.toUpperCase()),
  })
  .partial()
  .strict();

export const RetentionSettings = z
  .object({
    messagesDays: z.number().int().min(1).max(3650),
    identifiersDays: z.number().int().min(1).max(3650),
    verificationDays: z.number().int().min(1).max(3650),
    artifactDays: z.number().int().min(1).max(3650),
    auditDays: z.number().int().min(1).max(3650),
  })
  .partial()
  .strict();

/** Only scheme, host and port: what a browser compares with `frame-ancestors`. */
function isBareOrigin(text: string): boolean {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return false;
  }
  return url.pathname === "/" && !url.search && !url.hash && !url.username && !url.password;
}

/** Where a tenant's site is served from: https, a host and perhaps a port, nothing more. */
const notAnOrigin = (issue: { input?: unknown }) =>
  `"${String(issue.input)}" is not an https origin such as https://shop.example (no path)`;
const SiteOrigin = z
  .url({ protocol: /^https$/, error: notAnOrigin })
  .max(200)
  .refine(isBareOrigin, { error: notAnOrigin })
  .transform((url) => new URL(url).origin);

export const WebChatSettings = z
  .object({
    /**
     * The sites that may show the web chat page in a frame (its `frame-ancestors`). Empty: any
     * https site, as before a tenant lists its own.
     */
    frameOrigins: z.array(SiteOrigin).max(20),
  })
  .partial()
  .strict();

/** A phased rollout: threads split into Continuity and a control group by a stable hash. */
export const RolloutSettings = z
  .object({
    enabled: z.boolean(),
    primaryMetric: z.enum(METRIC_IDS),
    continuityShare: z.number().min(0).max(1),
    salt: z.string().min(1).max(64),
    gate: z
      .object({
        channels: z.array(z.enum(CHANNELS)).min(1),
        tiers: z.array(z.string().min(1).max(40)).min(1),
      })
      .partial()
      .strict(),
  })
  .partial()
  .strict();

export const TenantSettingsUpdate = z
  .object({
    zendesk: ZendeskSettings,
    sunco: SuncoSettings,
    orders: OrdersSettings,
    ai: AiSettings,
    policy: PolicySettings,
    retention: RetentionSettings,
    rollout: RolloutSettings,
    webChat: WebChatSettings,
  })
  .partial()
  .strict()
  .openapi("TenantSettingsUpdate");
export type TenantSettingsUpdate = z.infer<typeof TenantSettingsUpdate>;

/** Settings fields that are credentials: sealed at rest, never answered, never logged. */
export const SECRET_FIELDS = {
  zendesk: ["apiToken", "oauthToken", "oauthRefreshToken", "webhookSecret"],
  sunco: ["keySecret", "webhookSecret"],
  orders: ["token"],
  ai: ["apiKey"],
} as const;

export const TenantSettingsView = z
  .object({
    tenantId: z.string(),
    subdomain: z.string(),
    settings: z
      .record(z.string(), z.unknown())
      .openapi({ description: "Current settings without credentials." }),
    configuredSecrets: z
      .array(z.string())
      .openapi({ example: ["zendesk.apiToken", "zendesk.webhookSecret"] }),
    version: z.number().int(),
  })
  .openapi("TenantSettings");
export type TenantSettingsView = z.infer<typeof TenantSettingsView>;

export const CreateTenantBody = z
  .object({
    subdomain: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]{0,62}$/i, "must be a Zendesk subdomain")
      .transform((s) => s.toLowerCase()),
  })
  .strict()
  .openapi("CreateTenant");

export const CreatedTenant = z
  .object({
    tenantId: z.string(),
    appSecret: z
      .string()
      .openapi({ description: "Shown once. Paste it into the app's secure setting." }),
  })
  .openapi("CreatedTenant");
