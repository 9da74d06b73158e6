import type { GenericChannelEvent } from "../contracts/channel-event";

/**
 * The Worker's own web chat page, as the generic channel sees it: each thing the visitor does is
 * a channel event like any other sender's, so it goes through the same ingest, dedupe, queue and
 * thread rules. The chat session id is the page's session; it links every message of the visit
 * to one contact, and so to one thread.
 */

/** The inbound source and messaging provider the page's events and replies go by. */
export const WEB_CHAT_SOURCE = "webchat";

export const WEB_CHAT_LANGUAGES = ["en", "de", "es"] as const;
export type WebChatLanguage = (typeof WEB_CHAT_LANGUAGES)[number];

/** A new visit's session id: unguessable, since the session is what the credential names. */
export function newChatSessionId(random: string): string {
  return `WEB-${random}`;
}

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
 * How others in the session see the visitor: the channel, then the device the page named. ASCII
 * only, since it travels in a header to the session.
 */
export function visitorLabel(device: string | undefined): string {
  const named = (device ?? "")
    .replace(/[^A-Za-z0-9 .,/_-]/g, "")
    .trim()
    .slice(0, 60);
  return named ? `web chat (${named})` : "web chat";
}

/** The first of the visitor's languages the page is written in; English otherwise. */
export function chatLanguage(asked: string | undefined, acceptLanguage: string | undefined) {
  const wanted = [
    asked ?? "",
    ...(acceptLanguage ?? "")
      .split(",")
      .map((part) => part.split(";")[0]!.trim())
      .filter(Boolean),
  ];
  for (const tag of wanted) {
    const base = tag.toLowerCase().split("-")[0] as WebChatLanguage;
    if (WEB_CHAT_LANGUAGES.includes(base)) return base;
  }
  return "en";
}
