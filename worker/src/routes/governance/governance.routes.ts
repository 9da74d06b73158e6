import { createRoute, z } from "@hono/zod-openapi";
import { TenantParams } from "../../contracts/path-params";
import { IdentifierSchema } from "../../contracts/channel-event";
import { errorContent, jsonContent } from "../../contracts/errors";
import { operatorAuth } from "../../lib/auth";

const tags = ["Governance"];
const security = [{ operatorToken: [] }];

export const ErasureReportSchema = z
  .object({
    requestId: z.string(),
    identifier: z.object({ type: z.string(), masked: z.string() }),
    customers: z.number().int(),
    threads: z.number().int(),
    removed: z.record(z.string(), z.number()),
    anonymised: z.record(z.string(), z.number()),
    cacheEntries: z.number().int(),
    tombstones: z.number().int(),
    remaining: z
      .object({ identities: z.number().int(), threads: z.number().int() })
      .openapi({ description: "Checked after the erasure: what still matches the identifier." }),
  })
  .openapi("ErasureReport");

export const erase = createRoute({
  method: "post",
  path: "/v1/admin/tenants/{tenantId}/erasures",
  tags,
  security,
  summary: "Erase a customer by any identifier, and report what was removed",
  middleware: [operatorAuth] as const,
  request: {
    params: TenantParams,
    body: {
      content: {
        "application/json": {
          schema: z.object({ identifier: IdentifierSchema }).strict().openapi("ErasureRequest"),
        },
      },
      required: true,
    },
  },
  responses: {
    200: jsonContent(
      ErasureReportSchema,
      "Erased; tombstones keep late webhooks from restoring anything",
    ),
    401: errorContent("Missing or wrong operator token"),
    404: errorContent("No such tenant"),
    409: errorContent("The identifier is shared by several customers"),
    422: errorContent("The identifier is not valid for its type"),
  },
});

export const erasures = createRoute({
  method: "get",
  path: "/v1/admin/tenants/{tenantId}/erasures",
  tags,
  security,
  summary: "Past erasure reports (masked identifiers only)",
  middleware: [operatorAuth] as const,
  request: { params: TenantParams },
  responses: {
    200: jsonContent(
      z.object({ erasures: z.array(z.object({ requestedAt: z.string(), report: z.unknown() })) }),
      "Newest first",
    ),
    401: errorContent("Missing or wrong operator token"),
    404: errorContent("No such tenant"),
  },
});

export const auditExport = createRoute({
  method: "get",
  path: "/v1/admin/tenants/{tenantId}/audit",
  tags,
  security,
  summary: "Export the audit trail as NDJSON, for a thread or a time window",
  middleware: [operatorAuth] as const,
  request: {
    params: TenantParams,
    query: z.object({
      threadId: z
        .string()
        .regex(/^THR-[0-9A-Z]{4,32}$/)
        .optional(),
      from: z.iso.datetime({ offset: true }).optional(),
      to: z.iso.datetime({ offset: true }).optional(),
    }),
  },
  responses: {
    200: {
      description: "One audit event per line",
      content: { "application/x-ndjson": { schema: z.string() } },
    },
    401: errorContent("Missing or wrong operator token"),
    404: errorContent("No such tenant"),
    422: errorContent("Invalid thread id or time"),
  },
});

export const runRetention = createRoute({
  method: "post",
  path: "/v1/admin/tenants/{tenantId}/retention/run",
  tags,
  security,
  summary: "Run the tenant's retention now (the cron runs it every minute)",
  middleware: [operatorAuth] as const,
  request: { params: TenantParams },
  responses: {
    200: jsonContent(
      z.object({
        scrubbed: z.record(z.string(), z.number()),
        identities: z.number(),
        audit: z.number(),
        threads: z.number(),
      }),
      "What this run removed",
    ),
    401: errorContent("Missing or wrong operator token"),
    404: errorContent("No such tenant"),
  },
});

export type EraseRoute = typeof erase;
export type ErasuresRoute = typeof erasures;
export type AuditExportRoute = typeof auditExport;
export type RunRetentionRoute = typeof runRetention;
