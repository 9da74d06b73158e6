import { createRoute, z } from "@hono/zod-openapi";
import { TenantParams } from "../../contracts/path-params";
import { errorContent, jsonContent } from "../../contracts/errors";
import {
  CreatedTenant,
  CreateTenantBody,
  TenantSettingsUpdate,
  TenantSettingsView,
} from "../../contracts/tenant-settings";
import { operatorAuth } from "../../lib/auth";

const tags = ["Admin"];
const security = [{ operatorToken: [] }];

export const create = createRoute({
  method: "post",
  path: "/v1/admin/tenants",
  tags,
  security,
  middleware: [operatorAuth] as const,
  request: {
    body: { content: { "application/json": { schema: CreateTenantBody } }, required: true },
  },
  responses: {
    201: jsonContent(CreatedTenant, "The tenant and its app secret, shown this once"),
    401: errorContent("Missing or wrong operator token"),
    409: errorContent("A tenant already exists for this subdomain"),
    422: errorContent("The body is not valid"),
  },
});

export const getSettings = createRoute({
  method: "get",
  path: "/v1/admin/tenants/{tenantId}/settings",
  tags,
  security,
  middleware: [operatorAuth] as const,
  request: { params: TenantParams },
  responses: {
    200: jsonContent(TenantSettingsView, "Settings without credentials"),
    401: errorContent("Missing or wrong operator token"),
    404: errorContent("No such tenant"),
  },
});

export const putSettings = createRoute({
  method: "put",
  path: "/v1/admin/tenants/{tenantId}/settings",
  tags,
  security,
  middleware: [operatorAuth] as const,
  request: {
    params: TenantParams,
    body: { content: { "application/json": { schema: TenantSettingsUpdate } }, required: true },
  },
  responses: {
    200: jsonContent(TenantSettingsView, "Settings after the update, without credentials"),
    401: errorContent("Missing or wrong operator token"),
    404: errorContent("No such tenant"),
    409: errorContent("The settings changed concurrently; retry"),
    422: errorContent("The body is not valid"),
  },
});

export const rotateSecret = createRoute({
  method: "post",
  path: "/v1/admin/tenants/{tenantId}/app-secret",
  tags,
  security,
  middleware: [operatorAuth] as const,
  request: { params: TenantParams },
  responses: {
    200: jsonContent(
      z.object({ appSecret: z.string() }),
      "A new app secret, shown this once; the old one stops working",
    ),
    401: errorContent("Missing or wrong operator token"),
    404: errorContent("No such tenant"),
  },
});

const Backlog = z
  .object({
    deliveries: z.object({ queued: z.number().int(), failed: z.number().int() }),
    agentRuns: z.object({ owed: z.number().int() }),
    outbox: z.object({ pending: z.number().int(), failed: z.number().int() }),
    settled: z.boolean().openapi({
      description: "True when no inbound event, agent run or outbound write is waiting.",
    }),
  })
  .openapi("Backlog");

export const backlog = createRoute({
  method: "get",
  path: "/v1/admin/tenants/{tenantId}/backlog",
  tags,
  security,
  middleware: [operatorAuth] as const,
  request: { params: TenantParams },
  responses: {
    200: jsonContent(Backlog, "Work still queued for the tenant"),
    401: errorContent("Missing or wrong operator token"),
    404: errorContent("No such tenant"),
  },
});

const FailedDelivery = z.object({
  source: z.string(),
  eventId: z.string(),
  error: z.string().nullable(),
  attempts: z.number().int(),
  receivedAt: z.string(),
  settledAt: z.string().nullable(),
});

export const failedDeliveries = createRoute({
  method: "get",
  path: "/v1/admin/tenants/{tenantId}/deliveries/failed",
  tags,
  security,
  middleware: [operatorAuth] as const,
  request: { params: TenantParams },
  responses: {
    200: jsonContent(
      z.object({ deliveries: z.array(FailedDelivery) }),
      "Inbound events that exhausted their retries",
    ),
    401: errorContent("Missing or wrong operator token"),
    404: errorContent("No such tenant"),
  },
});

export const replayDeliveries = createRoute({
  method: "post",
  path: "/v1/admin/tenants/{tenantId}/deliveries/replay",
  tags,
  security,
  middleware: [operatorAuth] as const,
  request: { params: TenantParams },
  responses: {
    202: jsonContent(
      z.object({ replayed: z.number().int() }),
      "Failed events, and accepted events whose queue message was lost, queued again",
    ),
    401: errorContent("Missing or wrong operator token"),
    404: errorContent("No such tenant"),
  },
});

const OutboxEntry = z
  .object({
    id: z.string(),
    threadId: z.string(),
    kind: z
      .string()
      .regex(/_(message|comment|note|pass_control|release_control)$/)
      .openapi({
        description:
          "`<integration>_<operation>`: `sunco_message`, `zendesk_comment`, `zendesk_note`, `sunco_pass_control`, `sunco_release_control`",
      }),
    target: z.string(),
    status: z.enum(["pending", "sent", "failed", "superseded"]),
    attempts: z.number().int(),
    lastError: z.string().nullable(),
    createdAt: z.string(),
    sentAt: z.string().nullable(),
  })
  .openapi("OutboxEntry");

export const outbox = createRoute({
  method: "get",
  path: "/v1/admin/tenants/{tenantId}/outbox",
  tags,
  security,
  summary: "Outbound writes by status: what is waiting, and what failed and why (the dead letters)",
  middleware: [operatorAuth] as const,
  request: {
    params: TenantParams,
    query: z.object({
      status: z.enum(["pending", "sent", "failed", "superseded"]).default("failed"),
    }),
  },
  responses: {
    200: jsonContent(
      z.object({ outbox: z.array(OutboxEntry) }),
      "Outbox rows, newest first (payloads are never answered)",
    ),
    401: errorContent("Missing or wrong operator token"),
    404: errorContent("No such tenant"),
  },
});

export const replayOutbox = createRoute({
  method: "post",
  path: "/v1/admin/tenants/{tenantId}/outbox/{outboxId}/replay",
  tags,
  security,
  middleware: [operatorAuth] as const,
  request: {
    params: TenantParams.extend({
      outboxId: z
        .string()
        .min(1)
        .max(200)
        .openapi({ param: { name: "outboxId", in: "path" } }),
    }),
  },
  responses: {
    202: jsonContent(
      z.object({ replayed: z.literal(true) }),
      "Queued again; it reconciles before writing, so nothing is written twice",
    ),
    401: errorContent("Missing or wrong operator token"),
    404: errorContent("No failed outbox row with this id"),
  },
});

export type OutboxRoute = typeof outbox;
export type ReplayOutboxRoute = typeof replayOutbox;
export type CreateRoute = typeof create;
export type GetSettingsRoute = typeof getSettings;
export type PutSettingsRoute = typeof putSettings;
export type RotateSecretRoute = typeof rotateSecret;
export type BacklogRoute = typeof backlog;
export type FailedDeliveriesRoute = typeof failedDeliveries;
export type ReplayDeliveriesRoute = typeof replayDeliveries;
