import { descriptionMessageId, channelOfVia, ticketStatus } from "../channels/zendesk";
import { ZendeskReader } from "../connectors/zendesk";
import type { ChannelEvent } from "../domain/channel-event";
import type { TenantConfig } from "../tenancy/tenant-config";
import type { TaggedIdentifier } from "./evidence";

/**
 * Fill in what a Zendesk delivery leaves out: the requester's emails and phones (event webhooks
 * carry only the requester id) and, for the trigger template, the ticket's text.
 */
export async function enrichFromZendesk(
  event: ChannelEvent,
  config: TenantConfig,
  linkedAlready: boolean,
  fetcher: typeof fetch = fetch,
): Promise<{ event: ChannelEvent; requester: TaggedIdentifier[] }> {
  if (!config.zendesk.auth || (!event.zendeskRequesterId && !event.zendeskFetch))
    return { event, requester: [] };
  const zendesk = new ZendeskReader(config.zendesk, fetcher);
  let enriched = event;

  if (event.zendeskFetch === "ticket" && event.ticketId) {
    const ticket = await zendesk.ticket(event.ticketId);
    if (ticket) {
      const requesterId =
        ticket.requester_id != null && ticket.requester_id !== ""
          ? String(ticket.requester_id)
          : event.zendeskRequesterId;
      enriched = {
        ...enriched,
        channel: ticket.via?.channel ? channelOfVia(ticket.via.channel) : enriched.channel,
        ...(requesterId && { zendeskRequesterId: requesterId }),
      };
      // The trigger's own status is as of its update stamp; the API's is as of now.
      const status = ticketStatus(ticket.status);
      if (status && !enriched.ticket?.status)
        enriched = { ...enriched, ticket: { ...enriched.ticket, status } };
      if (!linkedAlready) {
        const text = [ticket.subject, ticket.description].filter(Boolean).join("\n\n");
        if (text)
          enriched = {
            ...enriched,
            message: {
              id: descriptionMessageId(ticket.id),
              author: "customer",
              text,
              public: true,
            },
          };
      } else {
        // The newest comment, unless it is the description the contact already holds.
        const comments = await zendesk.recentComments(event.ticketId, 2);
        const newest = comments[0];
        if (newest && comments.length > 1 && newest.body) {
          const byRequester = newest.author_id !== undefined && newest.author_id === requesterId;
          enriched = {
            ...enriched,
            message: {
              id: `comment-${newest.id}`,
              author: byRequester ? "customer" : "agent",
              text: newest.body,
              public: newest.public !== false,
            },
          };
        }
      }
    }
  }

  const requesterId = enriched.zendeskRequesterId;
  if (!requesterId) return { event: enriched, requester: [] };
  const requester = await zendesk.requester(requesterId);
  const identifiers: TaggedIdentifier[] = [
    { raw: { type: "zendesk_user", value: requesterId }, source: "zendesk" },
    ...(requester?.identifiers ?? []).map(({ verified, ...raw }) => ({
      raw,
      source: "zendesk" as const,
      verified,
    })),
  ];
  return { event: enriched, requester: identifiers };
}
