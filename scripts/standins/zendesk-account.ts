import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { json, type Reply, type Route } from "./loopback";

/**
 * The account-level part of the Zendesk stand-in, in Zendesk's documented shapes: the OAuth
 * authorization-code flow (a consent page that approves, `/oauth/tokens`), `users/me`, token
 * revocation, the Webhooks API with signing secrets, and the Apps installations API with the
 * requirements an installation made.
 */

/** A resource Zendesk made from the app's requirements.json when it installed the app. */
export interface Requirement {
  account_id: number;
  identifier: string;
  requirement_id: number;
  requirement_type: string;
  created_at: string;
  updated_at: string;
}

/** What installing this app declares: every resource of its requirements.json, by type and identifier. */
function appRequirements(): { identifier: string; requirement_type: string }[] {
  const declared = JSON.parse(
    readFileSync(new URL("../../requirements.json", import.meta.url), "utf8"),
  ) as Record<string, Record<string, unknown>>;
  return Object.entries(declared).flatMap(([type, resources]) =>
    Object.keys(resources).map((identifier) => ({ identifier, requirement_type: type })),
  );
}

export interface Installation {
  id: number;
  settings: Record<string, unknown>;
  requirements: Requirement[];
}

export interface OAuthUser {
  id: string;
  name: string;
  /** `admin`, `agent` or `end-user`: who approves decides what `users/me` says of the token. */
  role: string;
}

export interface Webhook {
  id: string;
  name: string;
  endpoint: string;
  status: string;
  http_method: string;
  request_format: string;
  subscriptions: string[];
  description?: string;
  created_at: string;
  signing_secret: string;
}

export interface AccountSpace {
  /** The space's own API address, as Zendesk's `url` fields carry it. */
  baseUrl: string;
  /** When set, `/oauth/tokens` checks the client's id and secret. */
  client: { id: string; secret: string } | null;
  /** Who approves the next consent (default: an admin). */
  approver: OAuthUser;
  /**
   * Seconds an access token lives, as for OAuth clients made since Zendesk's token expiry
   * (2026): tokens then come with a refresh token. Null: tokens that never lapse (older clients).
   */
  expiresIn: number | null;
  /** Seconds a renewed access token lives (default: as `expiresIn`). */
  renewedExpiresIn: number | null;
  codes: Map<string, { user: OAuthUser; redirectUri: string; clientId: string; scope: string }>;
  tokens: Map<
    string,
    { user: OAuthUser; scope: string; revoked: boolean; expiresAt: number | null; renewed: boolean }
  >;
  /** Refresh token → the access token issued with it; spent by a renewal. */
  refreshTokens: Map<string, string>;
  webhooks: Map<string, Webhook>;
  installations: Map<string, Installation>;
  /** The id the next resource made for a requirement gets. */
  nextRequirementId: number;
}

export interface AccountLoad {
  oauth?: {
    client?: { id: string; secret: string };
    approver?: OAuthUser;
    expiresIn?: number | null;
    renewedExpiresIn?: number | null;
  };
  installations?: {
    id: string | number;
    settings?: Record<string, unknown>;
    /**
     * The resources installing made (default: those of the app's requirements.json); `[]` for an
     * installation without them, as a locally served app has.
     */
    requirements?: { identifier: string; requirement_type: string }[];
  }[];
}

export function emptyAccount(baseUrl: string): AccountSpace {
  return {
    baseUrl,
    client: null,
    approver: { id: "7001", name: "Avery Admin", role: "admin" },
    expiresIn: null,
    renewedExpiresIn: null,
    codes: new Map(),
    tokens: new Map(),
    refreshTokens: new Map(),
    webhooks: new Map(),
    installations: new Map(),
    nextRequirementId: 360_100_000_001,
  };
}

export function loadAccount(space: AccountSpace, load: AccountLoad): void {
  if (load.oauth?.client) space.client = load.oauth.client;
  if (load.oauth?.approver) space.approver = load.oauth.approver;
  if (load.oauth?.expiresIn !== undefined) space.expiresIn = load.oauth.expiresIn;
  if (load.oauth?.renewedExpiresIn !== undefined)
    space.renewedExpiresIn = load.oauth.renewedExpiresIn;
  const installedAt = new Date().toISOString().replace(/\.\d+Z$/, "Z");
  for (const installation of load.installations ?? []) {
    const made = installation.requirements ?? appRequirements();
    space.installations.set(String(installation.id), {
      id: Number(installation.id),
      settings: installation.settings ?? {},
      requirements: made.map((r) => ({
        account_id: 1,
        identifier: r.identifier,
        requirement_id: space.nextRequirementId++,
        requirement_type: r.requirement_type,
        created_at: installedAt,
        updated_at: installedAt,
      })),
    });
  }
}

/** The live OAuth token a `Bearer` header names, if any. */
export function bearerToken(space: AccountSpace, authorization: string | undefined) {
  const match = authorization?.match(/^Bearer\s+(.+)$/i);
  if (!match) return null;
  const token = space.tokens.get(match[1]!);
  const live =
    token && !token.revoked && (token.expiresAt === null || token.expiresAt > Date.now());
  return live ? { value: match[1]!, ...token } : null;
}

export function accountSnapshot(space: AccountSpace) {
  return {
    webhooks: [...space.webhooks.values()],
    installations: Object.fromEntries(space.installations),
    tokens: [...space.tokens.values()].map((t) => ({
      userId: t.user.id,
      revoked: t.revoked,
      renewed: t.renewed,
    })),
  };
}

const token = (prefix: string) => `${prefix}${randomBytes(18).toString("base64url")}`;
const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function redirect(location: string): Reply {
  return { status: 302, headers: { location, "content-type": "text/plain" }, raw: "" };
}

function consentPage(query: URLSearchParams, approver: OAuthUser): Reply {
  const decide = (decision: string) => {
    const next = new URLSearchParams(query);
    next.set("decision", decision);
    return `?${next}`;
  };
  const html = `<!doctype html><html><head><meta charset="utf-8"><title>Allow access?</title></head>
<body><h1>Allow ${escape(query.get("client_id") ?? "this app")} to access your Zendesk account?</h1>
<p>Signed in as ${escape(approver.name)} (${escape(approver.role)}). Scope: ${escape(query.get("scope") ?? "")}</p>
<p><a id="allow" href="${escape(decide("approve"))}">Allow</a> <a id="deny" href="${escape(decide("deny"))}">Cancel</a></p>
</body></html>`;
  return { status: 200, headers: { "content-type": "text/html; charset=utf-8" }, raw: html };
}

function oauthError(description: string): Reply {
  return json(400, { error: "invalid_grant", error_description: description });
}

export function accountRoutes(space: AccountSpace, stamp: () => string): Route[] {
  const userJson = (user: OAuthUser) => ({
    id: Number(user.id),
    url: `${space.baseUrl}/api/v2/users/${user.id}.json`,
    name: user.name,
    role: user.role,
    active: true,
  });
  const webhookJson = ({ signing_secret: _secret, ...webhook }: Webhook) => webhook;
  /** A new access token, with a refresh token when tokens lapse. */
  const issue = (user: OAuthUser, scope: string, lifetime: number | null, renewed: boolean) => {
    const access = token("zdoa_");
    space.tokens.set(access, {
      user,
      scope,
      revoked: false,
      renewed,
      expiresAt: lifetime === null ? null : Date.now() + lifetime * 1000,
    });
    if (lifetime === null) return { access_token: access, token_type: "bearer", scope };
    const refresh = token("zdor_");
    space.refreshTokens.set(refresh, access);
    return {
      access_token: access,
      token_type: "bearer",
      scope,
      refresh_token: refresh,
      expires_in: lifetime,
    };
  };
  /** The refresh-token grant: the old pair is deleted, a new pair issued. */
  const renew = (grant: Record<string, string | undefined>): Reply => {
    if (
      space.client &&
      (space.client.id !== grant.client_id || space.client.secret !== grant.client_secret)
    )
      return json(401, {
        error: "invalid_client",
        error_description: "client authentication failed",
      });
    const access = grant.refresh_token ? space.refreshTokens.get(grant.refresh_token) : undefined;
    const old = access ? space.tokens.get(access) : undefined;
    if (!old) return oauthError("The refresh token is invalid, expired or used");
    space.refreshTokens.delete(grant.refresh_token!);
    old.revoked = true;
    return json(200, issue(old.user, old.scope, space.renewedExpiresIn ?? space.expiresIn, true));
  };
  return [
    {
      method: "GET",
      pattern: /^\/oauth\/authorizations\/new$/,
      handle: (_m, { query }) => {
        const redirectUri = query.get("redirect_uri");
        const clientId = query.get("client_id");
        if (query.get("response_type") !== "code" || !redirectUri || !clientId)
          return json(400, {
            error: "invalid_request",
            error_description: "response_type=code, client_id and redirect_uri are required",
          });
        if (space.client && space.client.id !== clientId)
          return json(400, { error: "invalid_client", error_description: "unknown client" });
        const back = new URL(redirectUri);
        const state = query.get("state");
        if (state !== null) back.searchParams.set("state", state);
        const decision = query.get("decision");
        if (decision === "deny") {
          back.searchParams.set("error", "access_denied");
          back.searchParams.set(
            "error_description",
            "The end-user or authorization server denied the request.",
          );
          return redirect(back.toString());
        }
        if (decision !== "approve") return consentPage(query, space.approver);
        const code = token("code_");
        space.codes.set(code, {
          user: space.approver,
          redirectUri,
          clientId,
          scope: query.get("scope") ?? "read",
        });
        back.searchParams.set("code", code);
        return redirect(back.toString());
      },
    },
    {
      method: "POST",
      pattern: /^\/oauth\/tokens$/,
      handle: (_m, { body }) => {
        const grant = (body ?? {}) as Record<string, string | undefined>;
        if (grant.grant_type === "refresh_token") return renew(grant);
        if (grant.grant_type !== "authorization_code")
          return oauthError("grant_type must be authorization_code or refresh_token");
        const issued = grant.code ? space.codes.get(grant.code) : undefined;
        if (!issued) return oauthError("The authorization code is invalid, expired or used");
        space.codes.delete(grant.code!);
        if (issued.redirectUri !== grant.redirect_uri || issued.clientId !== grant.client_id)
          return oauthError("redirect_uri or client_id does not match the authorization");
        if (space.client && space.client.secret !== grant.client_secret)
          return json(401, {
            error: "invalid_client",
            error_description: "client authentication failed",
          });
        return json(200, issue(issued.user, issued.scope, space.expiresIn, false));
      },
    },
    {
      method: "GET",
      pattern: /^\/api\/v2\/users\/me(?:\.json)?$/,
      handle: (_m, { authorization }) => {
        const held = bearerToken(space, authorization);
        // API-token callers are the account's bot user, an admin.
        const user = held?.user ?? { id: "1", name: "Continuity bot", role: "admin" };
        return json(200, { user: userJson(user) });
      },
    },
    {
      method: "DELETE",
      pattern: /^\/api\/v2\/oauth\/tokens\/current(?:\.json)?$/,
      handle: (_m, { authorization }) => {
        const held = bearerToken(space, authorization);
        if (!held) return json(401, { error: "Couldn't authenticate you" });
        space.tokens.get(held.value)!.revoked = true;
        return { status: 204 };
      },
    },
    {
      method: "GET",
      pattern: /^\/api\/v2\/webhooks$/,
      handle: () =>
        json(200, {
          webhooks: [...space.webhooks.values()].map(webhookJson),
          meta: { has_more: false, after_cursor: null, before_cursor: null },
          links: { next: null, prev: null },
        }),
    },
    {
      method: "POST",
      pattern: /^\/api\/v2\/webhooks$/,
      handle: (_m, { body }) => {
        const w = (body as { webhook?: Partial<Webhook> } | undefined)?.webhook;
        const details: { key: string; description: string }[] = [];
        for (const key of ["name", "endpoint", "http_method", "request_format", "status"] as const)
          if (!w?.[key]) details.push({ key, description: `${key} is required` });
        const subscriptions = w?.subscriptions ?? [];
        const conditional = subscriptions.includes("conditional_ticket_events");
        if (subscriptions.length === 0)
          details.push({ key: "subscriptions", description: "subscriptions is required" });
        if (conditional && subscriptions.length > 1)
          details.push({
            key: "subscriptions",
            description: "A webhook is either event-subscribed or connected to triggers, not both",
          });
        if (
          !conditional &&
          subscriptions.length &&
          (w?.http_method !== "POST" || w?.request_format !== "json")
        )
          details.push({
            key: "http_method",
            description: "Event-subscribed webhooks must POST json",
          });
        if (details.length)
          return json(400, {
            errors: details.map((d) => ({
              code: "InvalidValue",
              title: d.key,
              detail: d.description,
            })),
          });
        const webhook: Webhook = {
          id: `01${randomBytes(12).toString("hex").toUpperCase()}`,
          name: w!.name!,
          endpoint: w!.endpoint!,
          status: w!.status!,
          http_method: w!.http_method!,
          request_format: w!.request_format!,
          subscriptions,
          ...(w!.description && { description: w!.description }),
          created_at: stamp(),
          signing_secret: randomBytes(32).toString("base64"),
        };
        space.webhooks.set(webhook.id, webhook);
        return json(201, { webhook: webhookJson(webhook) });
      },
    },
    {
      method: "GET",
      pattern: /^\/api\/v2\/webhooks\/([^/]+)$/,
      handle: ([, id]) => {
        const webhook = space.webhooks.get(id!);
        return webhook
          ? json(200, { webhook: webhookJson(webhook) })
          : json(404, { errors: [{ code: "WebhookNotFound", title: "Webhook not found" }] });
      },
    },
    {
      method: "DELETE",
      pattern: /^\/api\/v2\/webhooks\/([^/]+)$/,
      handle: ([, id]) =>
        space.webhooks.delete(id!)
          ? { status: 204 }
          : json(404, { errors: [{ code: "WebhookNotFound", title: "Webhook not found" }] }),
    },
    {
      method: "GET",
      pattern: /^\/api\/v2\/webhooks\/([^/]+)\/signing_secret$/,
      handle: ([, id]) => {
        const webhook = space.webhooks.get(id!);
        if (!webhook)
          return json(404, { errors: [{ code: "WebhookNotFound", title: "Webhook not found" }] });
        return json(200, {
          signing_secret: { algorithm: "SHA256", secret: webhook.signing_secret },
        });
      },
    },
    {
      method: "GET",
      pattern: /^\/api\/v2\/apps\/installations\/(\d+)\/requirements(?:\.json)?$/,
      handle: ([, id]) => {
        const installation = space.installations.get(id!);
        if (!installation) return json(404, { error: "RecordNotFound", description: "Not found" });
        return json(200, { requirements: installation.requirements });
      },
    },
    {
      method: "PUT",
      pattern: /^\/api\/v2\/apps\/installations\/(\d+)(?:\.json)?$/,
      handle: ([, id], { body }) => {
        const installation = space.installations.get(id!);
        if (!installation) return json(404, { error: "RecordNotFound", description: "Not found" });
        const settings = (body as { settings?: unknown } | undefined)?.settings;
        if (!settings || typeof settings !== "object" || Array.isArray(settings))
          return json(400, { error: "InvalidValue", description: "settings must be an object" });
        // Only the settings named change, as Zendesk documents for an installation update.
        installation.settings = {
          ...installation.settings,
          ...(settings as Record<string, unknown>),
        };
        return json(200, {
          id: installation.id,
          enabled: true,
          settings: installation.settings,
          updated_at: stamp(),
        });
      },
    },
  ];
}
