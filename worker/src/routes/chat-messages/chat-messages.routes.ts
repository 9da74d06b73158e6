import { createRoute, z } from "@hono/zod-openapi";
import { errorContent, jsonContent } from "../../contracts/errors";
import { appAuth } from "../../lib/auth";
import { MessageBody } from "../chat/chat.routes";
import { ONE_VIEWER, ThreadParams } from "../threads/threads.routes";

const PersonMessageBody = MessageBody.extend({
  ticketId: z.string().min(1).max(64).optional(),
  sessionId: z.string().min(1).max(200).optional(),
  name: z.string().trim().min(1).max(120).optional().openapi({
    description: "The person's name; the customer is shown the first name only",
    example: "Dana Scully",
  }),
})
  .refine(...ONE_VIEWER)
  .openapi("PersonChatMessage");

const Sent = z
  .object({ accepted: z.number().int(), duplicates: z.number().int() })
  .openapi("PersonChatMessageAccepted");

export const writeToChat = createRoute({
  method: "post",
  path: "/v1/threads/{threadId}/chat-messages",
  tags: ["Threads"],
  summary: "A person's message to the customer on the web chat page",
  description:
    "For the person who has the conversation (take it from the AI first). It goes to the customer's newest conversation on the web chat page through the channel ingest, and the page shows it through the live session; in a warm transfer the AI leaves at the first. Deduplicated by `id`.",
  security: [{ appSecret: [] }],
  middleware: [appAuth] as const,
  request: {
    params: ThreadParams,
    body: { content: { "application/json": { schema: PersonMessageBody } }, required: true },
  },
  responses: {
    200: jsonContent(Sent, "Already received: nothing changed"),
    202: jsonContent(Sent, "Queued for the customer's conversation"),
    401: errorContent("Missing or wrong app secret"),
    404: errorContent("No such thread, or the ticket is not on it"),
    422: errorContent(
      "The AI has the conversation, or the customer has no conversation on the web chat page",
    ),
    503: errorContent("The message could not be queued; send it again with the same id"),
  },
});

export type WriteToChatRoute = typeof writeToChat;
