import { DownstreamRejected, DownstreamUnavailable } from "../connectors/http";
import { SuncoClient } from "../connectors/sunco";
import { TicketChanged, ZendeskWriter } from "../connectors/zendesk-writer";
import type { Env } from "../env";
import { rootKeys } from "../security/keys";
import { open } from "../security/sealed-box";
import {
  loadOutbox,
  markAttempt,
  markFailed,
  markRetry,
  markSent,
  type OutboxRow,
} from "../store/outbox";
import { loadTenant } from "../tenancy/tenants";
import type { TenantConfig } from "../tenancy/tenant-config";
import type { OutboxMessage } from "./outbox-message";

export const MAX_DELIVERY_ATTEMPTS = 8;

export interface OutboxPayload {
  text?: string;
  html?: string;
  public?: boolean;
  metadata?: Record<string, string | number | boolean>;
}

export type DeliveryOutcome =
  { kind: "sent"; remoteId: string | null } | { kind: "already_sent"; remoteId: string | null };

const plain = (html: string) =>
  html
    .replace(/<[^>]+>/g, " ")
    .replace(/\s+/g, " ")
    .trim();

/**
 * Carry out one outbox row. Every retry first looks for the earlier attempt at the vendor (a
 * message with our key in its metadata, a comment with our text), so a crash between the vendor
 * accepting a write and the row being marked sent never writes twice.
 */
export async function deliver(
  row: OutboxRow,
  payload: OutboxPayload,
  config: TenantConfig,
  fetcher: typeof fetch = fetch,
): Promise<DeliveryOutcome> {
  const retrying = row.attempts > 1;
  switch (row.kind) {
    case "sunco_message": {
      const sunco = new SuncoClient(config.sunco, fetcher);
      if (retrying) {
        const earlier = await sunco.findMessage(row.target, row.id);
        if (earlier) return { kind: "already_sent", remoteId: earlier };
      }
      return {
        kind: "sent",
        remoteId: await sunco.postMessage(row.target, payload.text ?? "", row.id),
      };
    }
    case "sunco_pass_control": {
      // Passing control to the workspace twice is harmless; there is nothing to reconcile.
      await new SuncoClient(config.sunco, fetcher).passControl(row.target, payload.metadata ?? {});
      return { kind: "sent", remoteId: null };
    }
    case "zendesk_comment":
    case "zendesk_note": {
      const zendesk = new ZendeskWriter(config.zendesk, fetcher);
      const html = payload.html ?? `<p>${escapeHtml(payload.text ?? "")}</p>`;
      const marker = row.kind === "zendesk_note" ? `ctx-note:${row.id}` : null;
      const matches = (body: string | null | undefined) =>
        marker ? (body ?? "").includes(marker) : plain(body ?? "") === plain(html);
      if (retrying) {
        const earlier = await zendesk.findComment(
          row.target,
          (c) => matches(c.html_body) || matches(c.body),
        );
        if (earlier) return { kind: "already_sent", remoteId: earlier.id };
      }
      await zendesk.updateTicket(row.target, {
        comment: { htmlBody: html, public: payload.public === true },
      });
      return { kind: "sent", remoteId: null };
    }
  }
}

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}

function backoff(attempt: number, retryAfter: number | undefined, base: number): number {
  return Math.max(retryAfter ?? 0, Math.min(300, base * 2 ** Math.max(0, attempt - 1)));
}

/** The outbox consumer: deliver, honour Retry-After, back off, and set aside what keeps failing. */
export async function consumeOutbox(
  batch: MessageBatch<OutboxMessage>,
  env: Env,
  fetcher: typeof fetch = fetch,
): Promise<void> {
  const base =
    env.RETRY_BASE_SECONDS !== undefined && Number.isFinite(Number(env.RETRY_BASE_SECONDS))
      ? Number(env.RETRY_BASE_SECONDS)
      : 2;
  for (const message of batch.messages) {
    const { tenantId, id } = message.body;
    const [tenant, row] = await Promise.all([
      loadTenant(env, tenantId),
      loadOutbox(env.DB, tenantId, id),
    ]);
    if (!tenant || !row || row.status !== "pending") {
      message.ack();
      continue;
    }
    const attempts = await markAttempt(env.DB, tenantId, id);
    try {
      const keys = await rootKeys(env.SECRETS_KEY);
      const payload = JSON.parse(
        await open(keys.settings, row.payload, `tenant:${tenantId}:outbox:${id}`),
      ) as OutboxPayload;
      const outcome = await deliver({ ...row, attempts }, payload, tenant.config, fetcher);
      await markSent(env.DB, tenantId, id, outcome.remoteId, new Date().toISOString());
      message.ack();
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      const transient = error instanceof DownstreamUnavailable || error instanceof TicketChanged;
      if (transient && attempts < MAX_DELIVERY_ATTEMPTS) {
        const delay = backoff(
          attempts,
          error instanceof DownstreamUnavailable ? error.retryAfterSeconds : undefined,
          base,
        );
        await markRetry(
          env.DB,
          tenantId,
          id,
          reason,
          new Date(Date.now() + delay * 1000).toISOString(),
        );
        message.retry({ delaySeconds: delay });
      } else {
        await markFailed(
          env.DB,
          tenantId,
          id,
          error instanceof DownstreamRejected || !transient
            ? reason
            : `gave up after ${attempts} attempts: ${reason}`,
        );
        console.error(
          JSON.stringify({
            msg: "delivery failed",
            tenantId,
            id,
            kind: row.kind,
            attempts,
            reason,
          }),
        );
        message.ack();
      }
    }
  }
}
