import { createRoute, z } from "@hono/zod-openapi";
import { ContextSchema } from "../../contracts/context";
import { errorContent, jsonContent } from "../../contracts/errors";
import { appAuth } from "../../lib/auth";

const tags = ["Context"];
const security = [{ appSecret: [] }];
const responses = {
  200: jsonContent(ContextSchema, "Who the customer is, what happened, where the thread stands"),
  401: errorContent("Missing or wrong app secret"),
  404: errorContent("Continuity knows no thread for this ticket or session"),
};

export const ticketContext = createRoute({
  method: "get",
  path: "/v1/tickets/{ticketId}/context",
  tags,
  security,
  middleware: [appAuth] as const,
  request: {
    params: z.object({
      ticketId: z
        .string()
        .min(1)
        .max(64)
        .openapi({ param: { name: "ticketId", in: "path" }, example: "101" }),
    }),
  },
  responses,
});

export const sessionContext = createRoute({
  method: "get",
  path: "/v1/sessions/{sessionId}/context",
  tags,
  security,
  middleware: [appAuth] as const,
  request: {
    params: z.object({
      sessionId: z
        .string()
        .min(1)
        .max(200)
        .openapi({ param: { name: "sessionId", in: "path" }, example: "WC-9931" }),
    }),
  },
  responses,
});

export type TicketContextRoute = typeof ticketContext;
export type SessionContextRoute = typeof sessionContext;
