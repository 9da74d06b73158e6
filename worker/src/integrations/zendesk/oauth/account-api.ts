import { z } from "@hono/zod-openapi";
import { DownstreamRejected, send, type HttpClient } from "../../../connectors/http";

/**
 * The account-level Zendesk calls connecting needs, in Zendesk's documented shapes: the OAuth
 * token exchange and revocation, `users/me`, the Webhooks API and the Apps installations API.
 * Every call goes through a `zendeskHttp` client, so it carries the Marketplace headers.
 */

const TokenAnswer = z.object({
  access_token: z.string().min(1),
  token_type: z.string().optional(),
  scope: z.string().optional(),
  /** Clients made since Zendesk's token expiry (2026) get lapsing tokens and a refresh token. */
  refresh_token: z.string().min(1).optional(),
  expires_in: z.number().positive().optional(),
});

/** An access token, and how to renew it when it lapses. */
export interface Grant {
  accessToken: string;
  scopes: string[];
  refreshToken: string | null;
  /** When the access token lapses; null when it does not. */
  expiresAt: Date | null;
}

/** A grant as tenant settings: the tokens are sealed (SECRET_FIELDS), the expiry is not. */
export function tokenSettings(grant: Grant): Record<string, string | null> {
  return {
    oauthToken: grant.accessToken,
    oauthRefreshToken: grant.refreshToken,
    oauthExpiresAt: grant.expiresAt?.toISOString() ?? null,
  };
}

function grantOf(token: z.infer<typeof TokenAnswer>, scope: string, now: Date): Grant {
  return {
    accessToken: token.access_token,
    scopes: (token.scope ?? scope).split(/\s+/).filter(Boolean),
    refreshToken: token.refresh_token ?? null,
    expiresAt: token.expires_in ? new Date(now.getTime() + token.expires_in * 1000) : null,
  };
}

const id = z.union([z.string(), z.number()]).transform(String);

const MeAnswer = z.object({
  user: z.object({
    id,
    role: z.string(),
    /** The user's API address: names the account the token belongs to. */
    url: z.string().optional(),
  }),
});
export type ZendeskMe = z.infer<typeof MeAnswer>["user"];

const Webhook = z.object({
  id,
  name: z.string(),
  endpoint: z.string(),
  status: z.string().optional(),
  subscriptions: z.array(z.string()).optional(),
});
export type ZendeskWebhook = z.infer<typeof Webhook>;
const WebhooksPage = z.object({
  webhooks: z.array(Webhook),
  meta: z
    .object({ has_more: z.boolean().optional(), after_cursor: z.string().nullish() })
    .partial()
    .optional(),
});
const WebhookAnswer = z.object({ webhook: Webhook });
const SigningSecretAnswer = z.object({ signing_secret: z.object({ secret: z.string().min(1) }) });

/** Webhooks an account may hold are few (trial accounts: 10); a bound keeps a bad cursor finite. */
const MAX_WEBHOOK_PAGES = 20;

export interface AccountApi {
  baseUrl: string;
  http: HttpClient;
}

async function parsed<T extends z.ZodType>(
  response: Response,
  schema: T,
  what: string,
): Promise<z.infer<T>> {
  const result = schema.safeParse(await response.json().catch(() => null));
  if (!result.success)
    throw new DownstreamRejected("Zendesk", response.status, `unexpected answer to ${what}`);
  return result.data;
}

function bearer(token: string) {
  return { authorization: `Bearer ${token}`, accept: "application/json" };
}

/** `POST /oauth/tokens`, whichever grant: the answer is the same token shape. */
async function postToTokens(api: AccountApi, what: string, body: Record<string, string>) {
  const response = await send(api.http, `${api.baseUrl}/oauth/tokens`, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json" },
    body: JSON.stringify(body),
  });
  return parsed(response, TokenAnswer, what);
}

/** `POST /oauth/tokens` with the authorization code (grant type `authorization_code`). */
export async function exchangeCode(
  api: AccountApi,
  grant: {
    code: string;
    clientId: string;
    clientSecret: string;
    redirectUri: string;
    scope: string;
  },
  now: Date,
): Promise<Grant> {
  const answer = await postToTokens(api, "the token exchange", {
    grant_type: "authorization_code",
    code: grant.code,
    client_id: grant.clientId,
    client_secret: grant.clientSecret,
    redirect_uri: grant.redirectUri,
    scope: grant.scope,
  });
  return grantOf(answer, grant.scope, now);
}

/**
 * `POST /oauth/tokens` with grant type `refresh_token`: a new access token and a new refresh
 * token; Zendesk deletes the old pair, so the answer must be kept before anything else is done.
 */
export async function refreshAccess(
  api: AccountApi,
  grant: { refreshToken: string; clientId: string; clientSecret: string },
  now: Date,
): Promise<Grant> {
  const answer = await postToTokens(api, "the token refresh", {
    grant_type: "refresh_token",
    refresh_token: grant.refreshToken,
    client_id: grant.clientId,
    client_secret: grant.clientSecret,
  });
  return grantOf(answer, "", now);
}

/** Who the token acts for, read from Zendesk: the only proof of a role the Worker accepts. */
export async function me(api: AccountApi, token: string): Promise<ZendeskMe> {
  const response = await send(api.http, `${api.baseUrl}/api/v2/users/me.json`, {
    headers: bearer(token),
  });
  return (await parsed(response, MeAnswer, "users/me")).user;
}

/** Every webhook of the account (cursor pagination). */
export async function listWebhooks(api: AccountApi, token: string): Promise<ZendeskWebhook[]> {
  const all: ZendeskWebhook[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < MAX_WEBHOOK_PAGES; page++) {
    const after: string = cursor === null ? "" : `&page[after]=${encodeURIComponent(cursor)}`;
    const response = await send(api.http, `${api.baseUrl}/api/v2/webhooks?page[size]=100${after}`, {
      headers: bearer(token),
    });
    const body = await parsed(response, WebhooksPage, "the webhooks list");
    all.push(...body.webhooks);
    cursor = body.meta?.has_more ? (body.meta.after_cursor ?? null) : null;
    if (cursor === null) break;
  }
  return all;
}

export async function createWebhook(
  api: AccountApi,
  token: string,
  webhook: { name: string; endpoint: string; description: string; subscriptions: string[] },
): Promise<ZendeskWebhook> {
  const response = await send(api.http, `${api.baseUrl}/api/v2/webhooks`, {
    method: "POST",
    headers: { ...bearer(token), "content-type": "application/json" },
    body: JSON.stringify({
      webhook: {
        ...webhook,
        status: "active",
        http_method: "POST",
        request_format: "json",
      },
    }),
  });
  return (await parsed(response, WebhookAnswer, "creating the webhook")).webhook;
}

/** Deletes a webhook; one already gone counts as deleted. */
export async function deleteWebhook(
  api: AccountApi,
  token: string,
  webhookId: string,
): Promise<void> {
  const response = await send(
    api.http,
    `${api.baseUrl}/api/v2/webhooks/${encodeURIComponent(webhookId)}`,
    { method: "DELETE", headers: bearer(token) },
    [404],
  );
  await response.body?.cancel();
}

export async function signingSecret(
  api: AccountApi,
  token: string,
  webhookId: string,
): Promise<string> {
  const response = await send(
    api.http,
    `${api.baseUrl}/api/v2/webhooks/${encodeURIComponent(webhookId)}/signing_secret`,
    { headers: bearer(token) },
  );
  return (await parsed(response, SigningSecretAnswer, "the signing secret")).signing_secret.secret;
}

/** `PUT /api/v2/apps/installations/{id}.json`: only the settings named change. */
export async function updateInstallationSettings(
  api: AccountApi,
  token: string,
  installationId: string,
  settings: Record<string, string>,
): Promise<void> {
  const response = await send(
    api.http,
    `${api.baseUrl}/api/v2/apps/installations/${encodeURIComponent(installationId)}.json`,
    {
      method: "PUT",
      headers: { ...bearer(token), "content-type": "application/json" },
      body: JSON.stringify({ settings }),
    },
  );
  await response.body?.cancel();
}

const Requirement = z.object({
  identifier: z.string(),
  requirement_type: z.string(),
  requirement_id: id,
});
export type ZendeskRequirement = z.infer<typeof Requirement>;
const RequirementsAnswer = z.object({ requirements: z.array(Requirement) });

/**
 * `GET /api/v2/apps/installations/{id}/requirements`: the resources Zendesk made from the app's
 * requirements.json when it was installed, each with its identifier there and its id in the
 * account. One page: an app's requirements are its own few, far under Zendesk's page size.
 */
export async function installationRequirements(
  api: AccountApi,
  token: string,
  installationId: string,
): Promise<ZendeskRequirement[]> {
  const response = await send(
    api.http,
    `${api.baseUrl}/api/v2/apps/installations/${encodeURIComponent(installationId)}/requirements`,
    { headers: bearer(token) },
  );
  return (await parsed(response, RequirementsAnswer, "the installation's requirements"))
    .requirements;
}

/**
 * `DELETE /api/v2/oauth/tokens/current.json`: revokes the token the request is made with.
 * A token already revoked answers 401, which is the outcome asked for.
 */
export async function revokeToken(api: AccountApi, token: string): Promise<void> {
  const response = await send(
    api.http,
    `${api.baseUrl}/api/v2/oauth/tokens/current.json`,
    { method: "DELETE", headers: bearer(token) },
    [401],
  );
  await response.body?.cancel();
}
