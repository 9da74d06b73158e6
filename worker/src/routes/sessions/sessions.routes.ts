import { createRoute, z } from "@hono/zod-openapi";
import { errorContent, jsonContent } from "../../contracts/errors";
import { appAuth } from "../../lib/auth";
import { ONE_VIEWER, ThreadParams } from "../threads/threads.routes";

const TokenBody = z
  .object({
    ticketId: z
      .string()
      .min(1)
      .max(64)
      .optional()
      .openapi({ description: "The ticket the person is looking at (or sessionId)." }),
    sessionId: z.string().min(1).max(200).optional(),
    actor: z.string().min(1).max(120).openapi({
      description: "The Zendesk user attaching: who the session and its record say was present.",
    }),
    role: z
      .enum(["agent", "supervisor"])
      .default("agent")
      .openapi({ description: "A supervisor watches; an agent works the thread." }),
    label: z.string().trim().min(1).max(80).default("sidebar").openapi({
      description: "The channel and device others see this participant on.",
    }),
  })
  .refine(...ONE_VIEWER)
  .openapi("SessionTokenRequest");

export const SessionTokenSchema = z
  .object({
    token: z.string().openapi({ description: "Signed; names the tenant, thread and participant." }),
    expiresAt: z.string().openapi({ description: "Attach before this; the session then lasts." }),
    attach: z.string().openapi({
      example: "/v1/threads/THR-8K2M4Q/session",
      description: "Open a WebSocket here with ?token=…&after=<offset>.",
    }),
    head: z.number().int().openapi({ description: "The thread's newest offset now." }),
  })
  .openapi("SessionToken");

export const issueToken = createRoute({
  method: "post",
  path: "/v1/threads/{threadId}/session-tokens",
  tags: ["Live sessions"],
  summary: "A short-lived token for the sidebar to attach to the thread's live session",
  security: [{ appSecret: [] }],
  middleware: [appAuth] as const,
  request: {
    params: ThreadParams,
    body: { content: { "application/json": { schema: TokenBody } }, required: true },
  },
  responses: {
    201: jsonContent(SessionTokenSchema, "The token, good for five minutes to attach"),
    401: errorContent("Missing or wrong app secret"),
    404: errorContent("No such thread, or the ticket is not on it"),
    422: errorContent("Invalid body"),
  },
});

export const attach = createRoute({
  method: "get",
  path: "/v1/threads/{threadId}/session",
  tags: ["Live sessions"],
  summary:
    "Attach to the thread's live session (WebSocket): the log after `after`, then each new fact, and who is present",
  description:
    'Messages are JSON: `{type: "event", offset, recordedAt, event}` in offset order, each offset once per connection, and `{type: "presence", participants: [{role, participantId, label, since}]}` whenever someone joins or leaves. Reconnect with the last offset seen: nothing is missed and nothing repeated. Send `ping` to be answered `pong`.',
  request: {
    params: ThreadParams,
    query: z.object({
      token: z.string().min(1).max(4096).openapi({ description: "From POST …/session-tokens." }),
      after: z.coerce
        .number()
        .int()
        .min(0)
        .default(0)
        .openapi({ description: "The last offset this participant has; 0 for the whole log." }),
    }),
  },
  responses: {
    101: { description: "Switching protocols: the session's WebSocket" },
    401: errorContent("The token is malformed, forged or expired"),
    403: errorContent("The token is for another thread"),
    404: errorContent("No such thread for the token's tenant"),
    422: errorContent("Invalid token or offset, or an offset beyond the thread's head"),
    426: errorContent("Not a WebSocket upgrade"),
  },
});

export type IssueTokenRoute = typeof issueToken;
export type AttachRoute = typeof attach;
