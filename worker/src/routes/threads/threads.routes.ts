import { createRoute, z } from "@hono/zod-openapi";
import { ContextSchema, ThreadEventsSchema } from "../../contracts/context";
import { errorContent, jsonContent } from "../../contracts/errors";
import { appAuth } from "../../lib/auth";
import { THREAD_ACTIONS } from "../../domain/thread-actions";

const ThreadId = z.string().regex(/^THR-[0-9A-Z]{4,32}$/, "must be a thread id (THR-…)");
export const ThreadParams = z.object({
  threadId: ThreadId.openapi({ param: { name: "threadId", in: "path" } }),
});

export const events = createRoute({
  method: "get",
  path: "/v1/threads/{threadId}/events",
  tags: ["Threads"],
  security: [{ appSecret: [] }],
  middleware: [appAuth] as const,
  request: {
    params: ThreadParams,
    query: z.object({
      after: z.coerce
        .number()
        .int()
        .min(0)
        .default(0)
        .openapi({ description: "Return events with a larger offset." }),
      limit: z.coerce.number().int().min(1).max(500).default(100),
    }),
  },
  responses: {
    200: jsonContent(ThreadEventsSchema, "Events in offset order"),
    401: errorContent("Missing or wrong app secret"),
    404: errorContent("No such thread"),
    422: errorContent("Invalid offset or limit"),
  },
});

/** A person acts from one ticket or one session, never both. */
export const ONE_VIEWER = [
  (b: { ticketId?: string | undefined; sessionId?: string | undefined }) =>
    Boolean(b.ticketId) !== Boolean(b.sessionId),
  "give exactly one of ticketId or sessionId",
] as const;

export const StaleVersion = jsonContent(
  z.object({
    error: z.object({ code: z.literal("stale_version"), message: z.string() }),
    version: z.number().int(),
    changes: z
      .array(z.string())
      .openapi({ description: "What happened since expectedVersion, newest last." }),
  }),
  "The thread changed since the person looked: refresh and decide again",
);

const ActionBody = z
  .object({
    action: z.enum(THREAD_ACTIONS),
    expectedVersion: z
      .number()
      .int()
      .min(0)
      .openapi({ description: "The version the person acted on; 409 if the thread moved since." }),
    ticketId: z
      .string()
      .min(1)
      .max(64)
      .optional()
      .openapi({ description: "The ticket the person is looking at (or sessionId)." }),
    sessionId: z.string().min(1).max(200).optional(),
    actor: z.string().min(1).max(120).openapi({
      description: "The Zendesk user acting, for the audit trail (never for tenancy).",
    }),
    reason: z.string().max(500).optional(),
    method: z
      .string()
      .min(1)
      .max(40)
      .optional()
      .openapi({ description: "record_verification: how the person verified the customer." }),
    customerId: z
      .string()
      .min(1)
      .max(128)
      .optional()
      .openapi({ description: "resolve_conflict: the candidate customer the person chose." }),
    otherThreadId: ThreadId.optional().openapi({
      description:
        "link_thread, unlink_thread, dismiss_candidate, restore_candidate: the other thread.",
    }),
  })
  .refine(...ONE_VIEWER)
  .openapi("ThreadAction");

export const act = createRoute({
  method: "post",
  path: "/v1/threads/{threadId}/actions",
  tags: ["Threads"],
  summary:
    "Approve, deny, continue, hand back, take over, verify, resolve a conflict, link or dismiss a candidate thread",
  security: [{ appSecret: [] }],
  middleware: [appAuth] as const,
  request: {
    params: ThreadParams,
    body: { content: { "application/json": { schema: ActionBody } }, required: true },
  },
  responses: {
    200: jsonContent(
      ContextSchema,
      "The thread after the action, as seen from the same ticket or session",
    ),
    401: errorContent("Missing or wrong app secret"),
    404: errorContent("No such thread, or the ticket is not on it"),
    409: StaleVersion,
    422: errorContent("The action is not permitted now (the reason says why)"),
  },
});

const SummaryBody = z
  .object({
    expectedVersion: z.number().int().min(0),
    ticketId: z.string().min(1).max(64).optional(),
    sessionId: z.string().min(1).max(200).optional(),
    actor: z.string().min(1).max(120),
    text: z
      .string()
      .trim()
      .min(1, "the summary cannot be empty")
      .max(4000)
      .openapi({ description: "The corrected summary." }),
  })
  .refine(...ONE_VIEWER)
  .openapi("SummaryEdit");

export const editSummary = createRoute({
  method: "put",
  path: "/v1/threads/{threadId}/summary",
  tags: ["Threads"],
  summary: "Correct the handoff summary; the edit is kept with what kind of change it was",
  security: [{ appSecret: [] }],
  middleware: [appAuth] as const,
  request: {
    params: ThreadParams,
    body: { content: { "application/json": { schema: SummaryBody } }, required: true },
  },
  responses: {
    200: jsonContent(ContextSchema, "The thread with the corrected summary"),
    401: errorContent("Missing or wrong app secret"),
    404: errorContent("No such thread, or the ticket is not on it"),
    409: StaleVersion,
    422: errorContent("Empty, unchanged or too long"),
  },
});

export const retryNote = createRoute({
  method: "post",
  path: "/v1/threads/{threadId}/notes/{noteId}/retry",
  tags: ["Threads"],
  summary: "Send a failed handoff note again (the sidebar's retry button)",
  security: [{ appSecret: [] }],
  middleware: [appAuth] as const,
  request: {
    params: ThreadParams.extend({
      noteId: z
        .string()
        .regex(/^note:[0-9a-f]{8,64}$/, "must be a note id (note:…)")
        .openapi({ param: { name: "noteId", in: "path" } }),
    }),
  },
  responses: {
    202: jsonContent(
      z.object({ retrying: z.literal(true) }),
      "Queued again; it checks Zendesk first, so the note is never written twice",
    ),
    401: errorContent("Missing or wrong app secret"),
    404: errorContent("No failed note with this id on this thread"),
  },
});

export const AuditEntrySchema = z
  .object({
    id: z.number().int(),
    at: z.string(),
    actor: z.string().openapi({ example: "human:agent-7" }),
    action: z.string().openapi({ example: "workflow.transition" }),
    threadId: z.string().nullable(),
    data: z.record(z.string(), z.unknown()),
  })
  .openapi("AuditEntry");

export const audit = createRoute({
  method: "get",
  path: "/v1/threads/{threadId}/audit",
  tags: ["Threads"],
  summary: "The thread's audit trail: JSON pages, or NDJSON with format=ndjson",
  security: [{ appSecret: [] }],
  middleware: [appAuth] as const,
  request: {
    params: ThreadParams,
    query: z.object({
      after: z.coerce.number().int().min(0).default(0),
      limit: z.coerce.number().int().min(1).max(1000).default(200),
      format: z.enum(["json", "ndjson"]).default("json"),
    }),
  },
  responses: {
    200: {
      description: "Audit events in order",
      content: {
        "application/json": {
          schema: z.object({ threadId: z.string(), events: z.array(AuditEntrySchema) }),
        },
        "application/x-ndjson": { schema: z.string() },
      },
    },
    401: errorContent("Missing or wrong app secret"),
    404: errorContent("No such thread"),
    422: errorContent("Invalid cursor, limit or format"),
  },
});

export type AuditRoute = typeof audit;
export type RetryNoteRoute = typeof retryNote;
export type EventsRoute = typeof events;
export type ActRoute = typeof act;
export type EditSummaryRoute = typeof editSummary;
