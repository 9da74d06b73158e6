/** A small Help Center for one test tenant, in the stand-in's load format (Zendesk's fields). */
export function helpCenter(
  articles: { id: number; title: string; locale?: string; paragraphs: string[] }[],
  locales = ["en-us"],
) {
  return {
    default_locale: locales[0]!,
    locales,
    articles: articles.map((a) => ({
      id: a.id,
      title: a.title,
      locale: a.locale ?? locales[0]!,
      updated_at: "2026-01-15T09:00:00Z",
      body: a.paragraphs.map((p) => `<p>${p}</p>`).join(""),
    })),
  };
}

/** A general question on web chat from someone nobody knows (general answers need no identity). */
export function chatQuestion(text: string, ticketId = "7701") {
  return {
    id: `q-${ticketId}-${text.length}`,
    channel: "web_chat",
    occurredAt: "2026-04-01T09:00:00Z",
    sessionId: `WC-${ticketId}`,
    ticketId,
    identifiers: [{ type: "chat_session", value: `WC-${ticketId}` }],
    message: { author: "customer", text },
  };
}
