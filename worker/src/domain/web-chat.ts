import type { ThreadState } from "./thread-state/state";

/**
 * The Worker's own web chat page (integrations/webchat/, routes/chat/): what it is called, the
 * languages it speaks, and how its visitor is named to others in the session.
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

/**
 * The conversation on the chat page a person can write into from the sidebar: the customer's
 * newest confirmed contact that came through the page. Its delivery is the thread's log, so what
 * a person writes reaches the page through the live session, or when the visitor comes back.
 */
export function chatPageConversation(
  state: Pick<ThreadState, "contacts">,
): { contactId: string; sessionId: string } | null {
  for (const contact of [...state.contacts].reverse()) {
    const session = contact.links.find((l) => l.kind === "session");
    if (!session || contact.origin !== WEB_CHAT_SOURCE || contact.unconfirmed) continue;
    return { contactId: contact.id, sessionId: session.id };
  }
  return null;
}
