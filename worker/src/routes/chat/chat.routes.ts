import { createRoute, z } from "@hono/zod-openapi";
import { TenantParams } from "../../contracts/path-params";
import { errorContent, jsonContent } from "../../contracts/errors";
import { WEB_CHAT_LANGUAGES } from "../../domain/web-chat";

const tags = ["Web chat"];
const CREDENTIAL =
  "Send the chat credential from POST /v1/chat/{tenantId}/sessions as 'Authorization: Bearer <chatToken>'.";

const Device = z.string().trim().max(80).optional().openapi({
  description: "The visitor's browser and system in a few words, shown to others in the session.",
  example: "Firefox on Linux",
});

const CustomerToken = z.string().min(1).max(4096).openapi({
  description:
    "Signed by the tenant's own site backend for a customer logged in there (docs/web-chat.md): opens the chat as that customer. Single use, at most ten minutes.",
});

const OpenSessionBody = z
  .object({ customerToken: CustomerToken.optional(), device: Device })
  .openapi("ChatSessionRequest");

export const ChatSessionSchema = z
  .object({
    chatToken: z.string().openapi({
      description:
        "The visitor's credential to this chat session alone. Keep it in this browser; never put it in a link.",
    }),
    sessionId: z.string().openapi({ example: "WEB-6d1b0c9f2a7e4c58b3" }),
    expiresAt: z.string(),
    identified: z.boolean().openapi({
      description: "Whether the tenant's site said who the visitor is (a customer token).",
    }),
  })
  .openapi("ChatSession");

export const MessageBody = z
  .object({
    id: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,100}$/, "must be 1-100 letters, digits, '-' or '_'")
      .openapi({
        description: "The page's own id for this message: sending it again changes nothing.",
      }),
    text: z.string().trim().min(1, "must not be empty").max(4000),
  })
  .openapi("ChatMessage");

const Sent = z
  .object({
    accepted: z.number().int(),
    duplicates: z.number().int(),
  })
  .openapi("ChatMessageAccepted");

export const ChatAttachSchema = z
  .object({
    token: z.string().openapi({ description: "A live-session token, good for five minutes." }),
    expiresAt: z.string(),
    threadId: z.string(),
    attach: z.string().openapi({
      description: "Open a WebSocket here with ?token=…&after=<the last offset the page saw>.",
    }),
    head: z.number().int(),
  })
  .openapi("ChatAttach");

const refusals = {
  401: errorContent(
    "No chat credential, or one that is forged or expired; or a bad customer token",
  ),
  403: errorContent("The chat credential is for another tenant"),
  404: errorContent("No web chat for this tenant"),
  422: errorContent("Invalid body"),
};

export const page = createRoute({
  method: "get",
  path: "/chat/{tenantId}",
  tags,
  summary: "The customer web chat page (embeddable in an iframe on https sites)",
  request: {
    params: TenantParams,
    query: z.object({ lang: z.enum(WEB_CHAT_LANGUAGES).optional() }),
  },
  responses: {
    200: { content: { "text/html": { schema: z.string() } }, description: "The page" },
    404: errorContent("No web chat for this tenant"),
  },
});

export const script = createRoute({
  method: "get",
  path: "/chat/assets/chat.js",
  tags,
  summary: "The web chat page's script",
  responses: {
    200: { content: { "text/javascript": { schema: z.string() } }, description: "The script" },
  },
});

export const styles = createRoute({
  method: "get",
  path: "/chat/assets/chat.css",
  tags,
  summary: "The web chat page's styles",
  responses: {
    200: { content: { "text/css": { schema: z.string() } }, description: "The styles" },
  },
});

export const openSession = createRoute({
  method: "post",
  path: "/v1/chat/{tenantId}/sessions",
  tags,
  summary: "Start a web chat session: anonymous, or as the customer the tenant's site vouches for",
  description:
    "Anonymous sessions see only their own conversation, and the agent tells them nothing of an account until they prove who they are. A customer token from the tenant's backend opens the session as that customer, verified.",
  request: {
    params: TenantParams,
    body: { content: { "application/json": { schema: OpenSessionBody } }, required: true },
  },
  responses: {
    201: jsonContent(ChatSessionSchema, "The session and its credential"),
    409: errorContent("The customer token was used already"),
    429: errorContent(
      "This address opened 60 chats with this tenant in the last minute; wait `Retry-After` seconds",
    ),
    ...refusals,
  },
});

export const identify = createRoute({
  method: "post",
  path: "/v1/chat/{tenantId}/sessions/identity",
  tags,
  summary: "The visitor logged in on the tenant's site: the same session, now as that customer",
  description: CREDENTIAL,
  request: {
    params: TenantParams,
    body: {
      content: {
        "application/json": {
          schema: z.object({ customerToken: CustomerToken }).openapi("ChatIdentityRequest"),
        },
      },
      required: true,
    },
  },
  responses: {
    200: jsonContent(z.object({ identified: z.literal(true) }), "The session is the customer's"),
    409: errorContent("The customer token was used already"),
    ...refusals,
  },
});

export const sendMessage = createRoute({
  method: "post",
  path: "/v1/chat/{tenantId}/messages",
  tags,
  summary: "The visitor's message, into the thread through the channel ingest",
  description: `${CREDENTIAL} Deduplicated by the page's message id within the session.`,
  request: {
    params: TenantParams,
    body: { content: { "application/json": { schema: MessageBody } }, required: true },
  },
  responses: {
    200: jsonContent(Sent, "Already received: nothing changed"),
    202: jsonContent(Sent, "Queued for the thread"),
    429: errorContent(
      "This chat sent 30 messages in the last minute; wait `Retry-After` seconds, then send again with the same id",
    ),
    503: errorContent("The message could not be queued; send it again with the same id"),
    ...refusals,
  },
});

export const issueToken = createRoute({
  method: "post",
  path: "/v1/chat/{tenantId}/session-tokens",
  tags,
  summary: "A token for the visitor to attach to their conversation's live session",
  description: `${CREDENTIAL} The visitor attends as their chat session's contact: they are sent their own messages, the replies to them, and who is present.`,
  request: {
    params: TenantParams,
    body: {
      content: {
        "application/json": { schema: z.object({ device: Device }).openapi("ChatAttachRequest") },
      },
      required: true,
    },
  },
  responses: {
    201: jsonContent(ChatAttachSchema, "The token"),
    202: jsonContent(
      z.object({ ready: z.literal(false), retryAfterMs: z.number().int() }).openapi("ChatNotYet"),
      "No conversation yet: the first message is still being taken in (or none was sent). Ask again.",
    ),
    ...refusals,
  },
});

export type PageRoute = typeof page;
export type ScriptRoute = typeof script;
export type StylesRoute = typeof styles;
export type OpenSessionRoute = typeof openSession;
export type IdentifyRoute = typeof identify;
export type SendMessageRoute = typeof sendMessage;
export type IssueChatTokenRoute = typeof issueToken;
