import { createRoute, z } from "@hono/zod-openapi";
import { ContextSchema } from "../../contracts/context";
import { errorContent, jsonContent } from "../../contracts/errors";
import { appAuth } from "../../lib/auth";
import { TRANSFER_MODES } from "../../domain/thread-events";
import { ONE_VIEWER, StaleVersion, ThreadParams } from "../threads/threads.routes";

const TransferBody = z
  .object({
    requestId: z.string().trim().min(8).max(80).openapi({
      description:
        "The requester's id for this transfer (a UUID): sent again after a lost answer, it is recorded once.",
    }),
    to: z.enum(["human", "ai"]).openapi({
      description:
        "human: take the conversation (or, as a supervisor, take it over); ai: hand it back.",
    }),
    mode: z.enum(TRANSFER_MODES).optional().openapi({
      description:
        "Taking it from the AI: warm (the AI stays, tells the customer who is joining, and leaves at your first message) or cold (the AI leaves now). Default warm.",
    }),
    role: z
      .enum(["agent", "supervisor"])
      .default("agent")
      .openapi({ description: "A supervisor may take a conversation from the person who has it." }),
    expectedVersion: z
      .number()
      .int()
      .min(0)
      .openapi({ description: "The version the person acted on; 409 if the thread moved since." }),
    ticketId: z.string().min(1).max(64).optional(),
    sessionId: z.string().min(1).max(200).optional(),
    actor: z.string().min(1).max(120).openapi({
      description: "The Zendesk user taking or giving the conversation (never for tenancy).",
    }),
    name: z.string().trim().min(1).max(120).openapi({
      description: "Their name as Zendesk shows it; the customer is told the first name only.",
    }),
  })
  .refine(...ONE_VIEWER)
  .openapi("ControlTransfer");

export const transfer = createRoute({
  method: "post",
  path: "/v1/threads/{threadId}/transfers",
  tags: ["Threads"],
  summary:
    "Take the conversation from the AI (warm or cold), take it over as a supervisor, or hand it back",
  security: [{ appSecret: [] }],
  middleware: [appAuth] as const,
  request: {
    params: ThreadParams,
    body: { content: { "application/json": { schema: TransferBody } }, required: true },
  },
  responses: {
    200: jsonContent(
      ContextSchema,
      "The thread after the transfer (or as it is, when this request was recorded before)",
    ),
    401: errorContent("Missing or wrong app secret"),
    404: errorContent("No such thread, or the ticket is not on it"),
    409: StaleVersion,
    422: errorContent("The transfer is not possible now (the reason says why)"),
  },
});

export type TransferRoute = typeof transfer;
