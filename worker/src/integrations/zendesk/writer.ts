import type { TenantConfig } from "../../tenancy/tenant-config";
import { DownstreamRejected, send, type HttpClient } from "../../connectors/http";
import { authHeader, type AuthHeaders } from "./credentials";
import { ZendeskReader, type ZendeskComment } from "./reader";

/** Zendesk answered 409 to a safe_update: the ticket changed since we read it. */
export class TicketChanged extends Error {
  constructor(readonly ticketId: string) {
    super(`ticket ${ticketId} changed since it was read`);
  }
}

export interface TicketUpdate {
  comment?: { htmlBody: string; public: boolean };
  additionalTags?: string[];
  customFields?: { id: number; value: string }[];
  /** With safe_update: Zendesk rejects the write (409) unless the ticket is still at this stamp. */
  updatedStamp?: string;
}

/**
 * Writes to Zendesk tickets. `PUT /api/v2/tickets/{id}` takes no idempotency key, so callers find
 * their earlier writes with `findComment` before retrying (DESIGN §6).
 */
export class ZendeskWriter {
  private readonly reader: ZendeskReader;
  constructor(
    private readonly config: TenantConfig["zendesk"],
    /** For the reads before a write (ticket, comments): the connectors' default timeout. */
    readClient: HttpClient,
    /** For the write itself, with its own timeout. Both come from `zendeskHttp`. */
    private readonly client: HttpClient,
    private readonly auth: AuthHeaders = async () => authHeader(config.auth),
  ) {
    this.reader = new ZendeskReader(config, readClient, auth);
  }

  async updateTicket(
    ticketId: string,
    update: TicketUpdate,
  ): Promise<{ updatedAt: string | null }> {
    if (!this.config.auth)
      throw new DownstreamRejected("Zendesk", 0, "API credentials are not configured");
    const ticket: Record<string, unknown> = {};
    if (update.comment)
      ticket.comment = { html_body: update.comment.htmlBody, public: update.comment.public };
    if (update.additionalTags?.length) ticket.additional_tags = update.additionalTags;
    if (update.customFields?.length) ticket.custom_fields = update.customFields;
    if (update.updatedStamp)
      Object.assign(ticket, { safe_update: true, updated_stamp: update.updatedStamp });
    const response = await send(
      this.client,
      `${this.config.baseUrl}/api/v2/tickets/${encodeURIComponent(ticketId)}`,
      {
        method: "PUT",
        headers: {
          ...(await this.auth()),
          "content-type": "application/json",
          accept: "application/json",
        },
        body: JSON.stringify({ ticket }),
      },
      [409],
    );
    if (response.status === 409) {
      await response.body?.cancel();
      throw new TicketChanged(ticketId);
    }
    const body = (await response.json()) as { ticket?: { updated_at?: string } };
    return { updatedAt: body.ticket?.updated_at ?? null };
  }

  /**
   * The ticket's comments, newest first, back to the first that `found` accepts (or all of them):
   * where earlier writes are looked for.
   */
  async findComments(
    ticketId: string,
    found: (comment: ZendeskComment) => boolean,
  ): Promise<ZendeskComment[]> {
    return this.reader.commentsUntil(ticketId, found);
  }

  ticket(ticketId: string) {
    return this.reader.ticket(ticketId);
  }
}
