import { addFact, type RunDraft } from "./run-draft";

/** Joins the reply's parts and records it: sent where the contact can be answered, else a draft. */
export function sendReply(draft: RunDraft): void {
  const { parts, silent, contact, input, state, unconfirmed, decisions, outbound } = draft;
  const replyText = parts.join(" ");
  if (!replyText || silent || !contact) return;
  // An unconfirmed contact without a ticket of its own is not answered on the customer's ticket.
  const ownTicket = contact.links.some(
    (l) => l.kind === "ticket" && l.id === input.delivery.ticketId,
  );
  const via =
    input.delivery.conversationId && state.control === "ai"
      ? "messaging"
      : input.delivery.ticketId && input.autoReply && (ownTicket || !unconfirmed)
        ? "ticket_public"
        : "draft";
  addFact(draft, {
    type: "agent.replied",
    contactId: draft.contactId,
    channel: contact.channel,
    text: replyText,
    delivery: via,
    purpose: draft.purpose,
    ...(decisions.asked.length > 0 && { asks: [...new Set(decisions.asked)] }),
    ...(decisions.knowledge?.outcome === "answered" && {
      cites: {
        articleId: decisions.knowledge.articleId,
        title: decisions.knowledge.title,
        url: decisions.knowledge.url,
      },
    }),
  });
  if (via === "messaging")
    outbound.push({
      kind: "reply",
      via,
      text: replyText,
      conversationId: input.delivery.conversationId!,
    });
  if (via === "ticket_public")
    outbound.push({ kind: "reply", via, text: replyText, ticketId: input.delivery.ticketId! });
}
