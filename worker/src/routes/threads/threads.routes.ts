import { createRoute, z } from "@hono/zod-openapi";
import { ThreadEventsSchema } from "../../contracts/context";
import { errorContent, jsonContent } from "../../contracts/errors";
import { appAuth } from "../../lib/auth";

export const events = createRoute({
  method: "get",
  path: "/v1/threads/{threadId}/events",
  tags: ["Threads"],
  security: [{ appSecret: [] }],
  middleware: [appAuth] as const,
  request: {
    params: z.object({
      threadId: z
        .string()
        .regex(/^THR-[0-9A-Z]{4,32}$/, "must be a thread id (THR-…)")
        .openapi({ param: { name: "threadId", in: "path" } }),
    }),
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

export type EventsRoute = typeof events;
