import { createRoute, z } from "@hono/zod-openapi";
import { errorContent, jsonContent } from "../../contracts/errors";
import {
  AiSettings,
  OrdersSettings,
  PolicySettings,
  RetentionSettings,
} from "../../contracts/tenant-settings";
import { CHECKLIST_ROWS } from "../../domain/setup-checklist";
import { appAuth } from "../../lib/auth";
import { adminAuth } from "./admin-auth";

const tags = ["Setup"];
const security = [{ appSecret: [] }];
const userHeader = z.object({
  "x-zendesk-user-id": z.string().openapi({
    description:
      "The current Zendesk user's id; Zendesk is asked, with the tenant's token, whether they are an admin.",
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
  })
  .partial()
  .strict()
  .openapi("SetupSettingsUpdate");

const denied = {
  400: errorContent("No user id"),
  401: errorContent("No app secret, or not a valid one"),
  403: errorContent("The user is not an admin of the account, as Zendesk says"),
  503: errorContent("Zendesk did not answer who the user is"),
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
  request: { headers: userHeader },
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
    headers: userHeader,
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
    headers: userHeader,
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

export type HealthRoute = typeof health;
export type PutSettingsRoute = typeof putSettings;
export type RunCheckRoute = typeof runCheck;
