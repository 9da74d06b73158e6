import { createRoute, z } from "@hono/zod-openapi";
import { errorContent, jsonContent } from "../../../contracts/errors";
import { SUBDOMAIN } from "./plan";

const tags = ["Zendesk account"];

export const Intent = z.enum(["connect", "disconnect", "admin_session"]).openapi({
  description:
    "`connect` creates the tenant if needed and provisions the account; `disconnect` removes what connect made and revokes the tokens; `admin_session` only proves that the approver is an admin, revokes their token and mints a setup session the app collects at `POST /v1/setup/session`.",
});

export const StartQuery = z.object({
  subdomain: z
    .string()
    .regex(SUBDOMAIN, "must be a Zendesk subdomain (letters, digits and inner hyphens)")
    .openapi({ example: "acme" }),
  installationId: z
    .string()
    .regex(/^\d{1,20}$/, "must be the app installation's numeric id")
    .openapi({ example: "360001234567" }),
  intent: Intent.default("connect"),
});

const Authorize = z
  .object({
    authorizeUrl: z.string().openapi({
      example:
        "https://acme.zendesk.com/oauth/authorizations/new?response_type=code&client_id=…&redirect_uri=…&scope=read+write&state=…",
    }),
  })
  .openapi("ZendeskAuthorize");

export const start = createRoute({
  method: "get",
  path: "/v1/zendesk/oauth/start",
  tags,
  summary: "Send an admin to Zendesk's consent screen for their account",
  description:
    "Answers the account's `/oauth/authorizations/new` address with a signed, single-use `state` bound to the account, the installation and the intent; it lapses after 10 minutes. A browser is redirected (302); a caller that accepts `application/json` (the app, through Zendesk's proxy) gets it as JSON. Connecting may be started by anyone: what the admin may do is proven at the callback, by Zendesk. Disconnecting and signing in as admin (`admin_session`) are started by the installed app only (its app secret as bearer), so a link sent to an admin cannot start one. An account may start 10 round trips per intent in 10 minutes; the next answers 429 with `Retry-After`.",
  security: [{ appSecret: [] }, {}] as { appSecret?: string[] }[],
  request: { query: StartQuery },
  responses: {
    200: jsonContent(Authorize, "Where to send the admin"),
    302: {
      ...jsonContent(Authorize, "Where to send the admin (also the Location header)"),
      headers: z.object({ Location: z.string() }),
    },
    401: errorContent("Disconnect or admin_session without the app secret"),
    403: errorContent("Disconnect or admin_session with the app secret of another account"),
    422: errorContent("The subdomain or installation id is not valid"),
    429: {
      ...errorContent(
        "The account started 10 round trips of this intent in the last 10 minutes; Retry-After says when a place frees",
      ),
      headers: z.object({ "Retry-After": z.string() }),
    },
    503: errorContent("The Worker has no OAuth client configured"),
  },
});

export const CallbackQuery = z
  .object({
    state: z.string().min(1).max(2000),
    code: z.string().min(1).max(2000).optional(),
    error: z.string().max(200).optional(),
    error_description: z.string().max(2000).optional(),
  })
  .refine((q) => q.code || q.error, { message: "needs code (or Zendesk's error)", path: ["code"] });

const Step = z.object({
  step: z.enum([
    "tenant",
    "credentials",
    "webhook",
    "signing_secret",
    "app_secret",
    "ticket_fields",
  ]),
  outcome: z.enum(["created", "found", "done", "kept", "missing"]),
});

const Connected = z
  .object({
    intent: z.literal("connect"),
    tenantId: z.string(),
    subdomain: z.string(),
    installationId: z.string(),
    connectedAs: z.object({ userId: z.string(), role: z.literal("admin") }),
    scopes: z.array(z.string()),
    webhook: z.object({ id: z.string(), subscriptions: z.array(z.string()) }),
    steps: z.array(Step).openapi({
      description:
        "Each provisioning step and what it came to; `kept` means an earlier run did it and nothing was made again.",
    }),
  })
  .openapi("ZendeskConnected");

const Disconnected = z
  .object({
    intent: z.literal("disconnect"),
    tenantId: z.string(),
    subdomain: z.string(),
    removed: z.object({ webhooks: z.array(z.string()), triggers: z.array(z.string()) }),
    tokensRevoked: z.number().int(),
    data: z.object({
      kept: z.literal(true),
      until: z.literal("retention"),
      message: z.string(),
    }),
  })
  .openapi("ZendeskDisconnected");

const SessionOpened = z
  .object({
    intent: z.literal("admin_session"),
    tenantId: z.string(),
    subdomain: z.string(),
    signedInAs: z.object({ userId: z.string(), role: z.literal("admin") }),
  })
  .openapi("ZendeskAdminSessionOpened");

export const callback = createRoute({
  method: "get",
  path: "/v1/zendesk/oauth/callback",
  tags,
  summary: "Zendesk's redirect back: check the state, prove the admin, then connect or disconnect",
  description:
    "Checks the state (signature, expiry, single use, bound account and installation), exchanges the code at `/oauth/tokens`, reads `users/me` with the token and requires `role: admin`. Then provisions (connect) or removes what was provisioned (disconnect), or revokes the token at once and records an admin session for the app to collect (admin_session; connect records one too). Nothing is stored for a refused callback.",
  request: { query: CallbackQuery },
  responses: {
    200: jsonContent(
      z.union([Connected, Disconnected, SessionOpened]),
      "Connected, disconnected, or signed in as admin",
    ),
    400: errorContent(
      "The state is malformed, forged, expired or used, or Zendesk refused the code",
    ),
    403: errorContent("The admin declined, or the approving user is not an admin of this account"),
    404: errorContent("Disconnect or admin_session for an account that has no tenant"),
    422: errorContent("The query is not valid"),
    502: errorContent("A provisioning step failed; connect again to resume"),
    503: errorContent("Zendesk is unavailable, or no OAuth client is configured"),
  },
});

export type StartRoute = typeof start;
export type CallbackRoute = typeof callback;
