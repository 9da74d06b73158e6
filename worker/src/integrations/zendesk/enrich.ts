import { descriptionMessageId, channelOfVia, ticketStatus } from "./map";
import { ZendeskReader } from "./reader";
import type { ChannelEvent } from "../../domain/channel-event";
import type { TenantConfig } from "../../tenancy/tenant-config";
import type { Enriched, IntegrationDeps } from "../ports";
import { zendeskHttp } from "./client";
import { zendeskCredentials } from "./credentials";

/** Events sealed or queued before the fields were renamed carry them under their old names. */
interface StoredBefore {
  zendeskRequesterId?: string;
  zendeskFetch?: "ticket";
}

/**
 * Fill in what a Zendesk delivery leaves out: the requester's emails and phones (event webhooks
 * carry only the requester id) and, for the trigger template, the ticket's text.
 */
export async function enrichFromZendesk(
  event: ChannelEvent,
  config: TenantConfig,
  linkedAlready: () => Promise<boolean>,
  deps: IntegrationDeps,
): Promise<Enriched> {
  const before = event as ChannelEvent & StoredBefore;
  const incomplete = event.incomplete ?? before.zendeskFetch;
  let requesterId = event.ticket?.requesterId ?? before.zendeskRequesterId;
  if (!config.zendesk.auth || (!requesterId && !incomplete)) return { event, requester: [] };
  const zendesk = new ZendeskReader(
    config.zendesk,
    zendeskHttp(deps.env, deps.fetcher),
    zendeskCredentials(config, deps),
  );
  let enriched = event;

  if (incomplete === "ticket" && event.ticketId) {
    const ticket = await zendesk.ticket(event.ticketId);
    if (ticket) {
      if (ticket.requester_id != null && ticket.requester_id !== "")
        requesterId = String(ticket.requester_id);
      enriched = {
        ...enriched,
        channel: ticket.via?.channel ? channelOfVia(ticket.via.channel) : enriched.channel,
      };
      // The trigger's own status is as of its update stamp; the API's is as of now.
      const status = ticketStatus(ticket.status);
      if (status && !enriched.ticket?.status)
        enriched = { ...enriched, ticket: { ...enriched.ticket, status } };
      if (!(await linkedAlready())) {
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

  if (!requesterId) return { event: enriched, requester: [] };
  const requester = await zendesk.requester(requesterId);
  const identifiers: Enriched["requester"] = [
    { raw: { type: "zendesk_user", value: requesterId }, source: "zendesk" },
    ...(requester?.identifiers ?? []).map(({ verified, ...raw }) => ({
      raw,
      source: "zendesk" as const,
      verified,
    })),
  ];
  return { event: enriched, requester: identifiers };
}
