import { createRoute, z } from "@hono/zod-openapi";
import { errorContent, jsonContent } from "../../contracts/errors";
import {
  AiSettings,
  OrdersSettings,
  PolicySettings,
  RetentionSettings,
  WebChatSettings,
} from "../../contracts/tenant-settings";
import { CHECKLIST_ROWS } from "../../domain/setup-checklist";
import { appAuth } from "../../lib/auth";
import { adminAuth } from "./admin-auth";

const tags = ["Setup"];
const security = [{ appSecret: [] }];
const sessionHeader = z.object({
  "x-continuity-admin-session": z.string().optional().openapi({
    description:
      "The admin session collected at `POST /v1/setup/session` after an OAuth round trip in which Zendesk said the approver is an admin. Required; checked by `adminAuth`.",
  }),
});

const Fact = z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(z.string())]);
const Check = z.object({ ok: z.boolean(), ms: z.number(), reason: z.string().nullable() });

export const SetupHealth = z
  .object({
    tenantId: z.string(),
    subdomain: z.string(),
    rows: z.array(
      z.object({
        id: z.enum(CHECKLIST_ROWS),
        state: z.enum(["ok", "attention", "missing"]),
        facts: z.record(z.string(), Fact),
        fix: z.enum(["connect", "orders", "ai", "policy", "retention", "operator"]).nullable(),
      }),
    ),
    settings: z
      .object({
        orders: z.record(z.string(), z.unknown()).nullable(),
        ai: z.record(z.string(), z.unknown()).nullable(),
        policy: z.record(z.string(), z.unknown()),
        retention: z.record(z.string(), z.unknown()),
        webChat: z.record(z.string(), z.unknown()),
      })
      .openapi({ description: "The forms' current values, without credentials." }),
    configuredSecrets: z.array(z.string()).openapi({
      description:
        "Which credentials are set (`orders.token`, `ai.apiKey`, …); never their values.",
    }),
  })
  .openapi("SetupHealth");

export const SetupSettingsUpdate = z
  .object({
    orders: OrdersSettings,
    ai: AiSettings,
    policy: PolicySettings,
    retention: RetentionSettings,
    webChat: WebChatSettings,
  })
  .partial()
  .strict()
  .openapi("SetupSettingsUpdate");

const denied = {
  401: errorContent("No app secret, or not a valid one"),
  403: errorContent("No admin session, or one unknown, lapsed or of another account"),
};

export const health = createRoute({
  method: "get",
  path: "/v1/setup/health",
  tags,
  summary: "The setup checklist: what works, what does not and why, with each row's fix",
  description:
    "Reads the connection, webhook, newest event, the last hour's notes, Sunshine Conversations, and runs the order system's and AI provider's test calls. For admins only.",
  security,
  middleware: [appAuth, adminAuth] as const,
  request: { headers: sessionHeader },
  responses: { 200: jsonContent(SetupHealth, "The checklist"), ...denied },
});

export const putSettings = createRoute({
  method: "put",
  path: "/v1/setup/settings",
  tags,
  summary: "Change the order system, AI provider, policy or retention",
  description:
    "The tenant settings' own schema for these four sections; credentials are write-only (kept when omitted, unless the section now talks to another system). Answers the checklist.",
  security,
  middleware: [appAuth, adminAuth] as const,
  request: {
    headers: sessionHeader,
    body: { content: { "application/json": { schema: SetupSettingsUpdate } }, required: true },
  },
  responses: {
    200: jsonContent(SetupHealth, "Saved; the checklist as it now stands"),
    ...denied,
    409: errorContent("The settings changed while saving"),
    422: errorContent("A field is not valid: each issue names its path"),
  },
});

export const runCheck = createRoute({
  method: "post",
  path: "/v1/setup/checks/{target}",
  tags,
  summary: "Test the connection to the order system or the AI provider, now",
  security,
  middleware: [appAuth, adminAuth] as const,
  request: {
    headers: sessionHeader,
    params: z.object({ target: z.enum(["orders", "ai"]) }),
  },
  responses: {
    200: jsonContent(
      Check.openapi("ConnectionCheck"),
      "The call's outcome and, when it failed, why",
    ),
    ...denied,
    422: errorContent("Unknown target"),
  },
});

const Collect = z
  .object({
    state: z.string().min(1).max(2000).openapi({
      description:
        "The `state` of the `authorizeUrl` that `GET /v1/zendesk/oauth/start` answered (intent `admin_session` or `connect`).",
    }),
  })
  .openapi("AdminSessionCollect");

const Session = z
  .object({
    sessionToken: z.string().openapi({
      description: "Send as `X-Continuity-Admin-Session`; answered this once, kept nowhere.",
    }),
    userId: z.string(),
    expiresAt: z.string(),
  })
  .openapi("AdminSession");

export const collectSession = createRoute({
  method: "post",
  path: "/v1/setup/session",
  tags,
  summary: "Collect the admin session the OAuth round trip with this state minted, once",
  description:
    "The app started the round trip and holds its signed `state`; once the callback has proven an admin, this answers the session's token, once. Until then 404 `session_pending`; after collection, or when it lapsed, 409 `session_gone`. A round trip that ended without a session answers 403 with the callback's own code (`not_an_admin`, `consent_declined`, …), so the app stops waiting and says why.",
  security,
  middleware: [appAuth] as const,
  request: {
    body: { content: { "application/json": { schema: Collect } }, required: true },
  },
  responses: {
    200: jsonContent(Session, "The session, answered this once"),
    400: errorContent("The state is not one this Worker issued, or lapsed"),
    401: errorContent("No app secret, or not a valid one"),
    403: errorContent(
      "The state is for another account, or for a round trip that proves nothing, or the round trip ended without a session (the code says why)",
    ),
    404: errorContent("The callback has not finished yet"),
    409: errorContent("Collected already, or lapsed"),
    422: errorContent("The body is not valid"),
  },
});

export type CollectSessionRoute = typeof collectSession;
export type HealthRoute = typeof health;
export type PutSettingsRoute = typeof putSettings;
export type RunCheckRoute = typeof runCheck;
