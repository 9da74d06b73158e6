import type { IntegrationDeps, TicketSystem, WriteOutcome } from "../ports";
import type { TenantConfig } from "../../tenancy/tenant-config";
import { zendeskHttp } from "./client";
import { zendeskCredentials } from "./credentials";
import { ZendeskReader, type ZendeskComment } from "./reader";
import { TicketChanged, ZendeskWriter } from "./writer";

/** Tries of read-then-safe_update before the write waits for the outbox's backoff. */
const SAFE_UPDATE_TRIES = 3;

const textOf = (c: ZendeskComment) => c.html_body ?? c.body ?? "";
const plain = (html: string) =>
  html
    .replace(/<[^>]+>/g, " ")
    .replace(/\s+/g, " ")
    .trim();

/** Zendesk Support as the tenant's ticket system. */
export function zendeskTicketSystem(tenant: TenantConfig, deps: IntegrationDeps): TicketSystem {
  const config = tenant.zendesk;
  const fetcher = deps.fetcher ?? fetch;
  const reads = zendeskHttp(deps.env, fetcher);
  const writes = zendeskHttp(deps.env, fetcher, Number(deps.env.OUTBOUND_TIMEOUT_MS ?? 10_000));
  const auth = zendeskCredentials(tenant, deps);
  const reader = new ZendeskReader(config, reads, auth);
  const writer = new ZendeskWriter(config, reads, writes, auth);

  return {
    name: "zendesk",
    configured: Boolean(config.auth),

    requester: (requesterId) => reader.requester(requesterId),

    async caseDetails(ticketId) {
      const ticket = await reader.ticket(ticketId, { slas: true });
      if (!ticket) return null;
      const next = (ticket.slas?.policy_metrics ?? [])
        .filter((m) => m.breach_at && m.stage !== "achieved")
        .sort((a, b) => Date.parse(a.breach_at!) - Date.parse(b.breach_at!))[0];
      return {
        priority: ticket.priority ?? null,
        sla: next ? { metric: next.metric ?? "sla", breachAt: next.breach_at! } : null,
      };
    },

    async notesHeld(ticketId, keys, oldest) {
      const holds = (c: ZendeskComment, key: string) => textOf(c).includes(`ctx-note:${key}`);
      const comments = await writer.findComments(ticketId, (c) => holds(c, oldest));
      const held = new Map<string, string>();
      for (const key of keys) {
        const found = comments.find((c) => holds(c, key));
        if (found) held.set(key, found.id);
      }
      return held;
    },

    async writeNote(ticketId, note): Promise<WriteOutcome> {
      for (let attempt = 1; attempt <= SAFE_UPDATE_TRIES; attempt++) {
        const ticket = await writer.ticket(ticketId);
        if (!ticket)
          return { kind: "give_up", reason: `ticket ${ticketId} does not exist in Zendesk` };
        try {
          await writer.updateTicket(ticketId, {
            comment: { htmlBody: note.html, public: false },
            additionalTags: note.tags,
            customFields: note.customFields,
            ...(ticket.updated_at && { updatedStamp: ticket.updated_at }),
          });
          return { kind: "done", remoteId: null };
        } catch (error) {
          if (!(error instanceof TicketChanged)) throw error;
          if (attempt === SAFE_UPDATE_TRIES) return { kind: "retry_after", reason: error.message };
          // Someone changed the ticket between our read and our write: read again and re-apply.
        }
      }
      return { kind: "retry_after", reason: "ticket kept changing" };
    },

    async commentHeld(ticketId, html) {
      const same = (c: ZendeskComment) => c.public !== false && plain(textOf(c)) === plain(html);
      return (await writer.findComments(ticketId, same)).find(same)?.id ?? null;
    },

    async writeComment(ticketId, html) {
      await writer.updateTicket(ticketId, { comment: { htmlBody: html, public: true } });
      return { kind: "done", remoteId: null };
    },

    takeWrite() {
      const budget = deps.env.ZENDESK_WRITE_BUDGET;
      return budget.get(budget.idFromName(tenant.id)).take(config.updatesPerMinute);
    },
  };
}
