import type { GenericChannelEvent } from "../contracts/channel-event";
import { WEB_CHAT_SOURCE } from "../domain/web-chat";

/**
 * The web chat page, as the generic channel sees it: each thing the visitor does is a channel
 * event like any other sender's, so it goes through the same checks, ingest, dedupe, queue and
 * thread rules. The chat session id is the page's session; it links every message of the visit
 * to one contact, and so to one thread.
 */

/**
 * A message the visitor sent. Its id is the page's own message id within the session, so a page
 * that sends again after a lost answer sends the same event, and the second changes nothing.
 */
export function visitorMessage(
  sessionId: string,
  clientMessageId: string,
  text: string,
  at: string,
): GenericChannelEvent {
  return {
    id: `${WEB_CHAT_SOURCE}:${sessionId}:${clientMessageId}`,
    channel: "web_chat",
    occurredAt: at,
    sessionId,
    identifiers: [{ type: "chat_session", value: sessionId }],
    message: { author: "customer", text },
    artifacts: [],
  };
}

/**
 * The tenant's own site said who the visitor is (their signed customer token): the session's
 * contact carries that identifier, verified by the tenant's login. Its id is the token's, so one
 * token identifies one session once.
 */
export function visitorIdentified(
  sessionId: string,
  tokenId: string,
  contact: { type: "email" | "phone" | "external_id"; value: string },
  at: string,
): GenericChannelEvent {
  return {
    id: `${WEB_CHAT_SOURCE}:customer-token:${tokenId}`,
    channel: "web_chat",
    occurredAt: at,
    sessionId,
    identifiers: [{ type: "chat_session", value: sessionId }, contact],
    artifacts: [],
    verification: { method: "tenant_login", passedAt: at },
  };
}

/**
 * A person's message to the visitor, written in the sidebar: an agent's message in the visitor's
 * own conversation (so the page shows it and, in a warm transfer, the AI leaves at the first).
 * Its id is the sidebar's, so a retry after a lost answer is the same message.
 */
export function personMessage(
  sessionId: string,
  messageId: string,
  text: string,
  at: string,
): GenericChannelEvent {
  return {
    id: `${WEB_CHAT_SOURCE}:${sessionId}:person:${messageId}`,
    channel: "web_chat",
    occurredAt: at,
    sessionId,
    identifiers: [{ type: "chat_session", value: sessionId }],
    message: { author: "agent", text },
    artifacts: [],
  };
}
