import { openOutboxPayload } from "../security/outbox-payload";
import { DownstreamRejected, DownstreamUnavailable } from "../connectors/http";
import { SuncoClient } from "../connectors/sunco";
import type { ZendeskComment } from "../connectors/zendesk";
import { TicketChanged, ZendeskWriter } from "../connectors/zendesk-writer";
import { escapeHtml } from "../domain/note-rendering";
import type { Env } from "../env";
import { backoffSeconds, retryBaseSeconds } from "../lib/retry-policy";
import { randomToken } from "../security/encoding";
import { acquireLease, releaseLease } from "../store/leases";
import {
  loadOutbox,
  markAttempt,
  markFailed,
  markRetry,
  markSent,
  markSuperseded,
  pendingNotesFor,
  type OutboxRow,
} from "../store/outbox";
import { loadTenant, type LoadedTenant } from "../tenancy/tenants";
import type { OutboxMessage } from "./outbox-message";

export const MAX_DELIVERY_ATTEMPTS = 8;
const LEASE_MS = 60_000;
const SAFE_UPDATE_TRIES = 3;

export interface OutboxPayload {
  text?: string;
  html?: string;
  public?: boolean;
  metadata?: Record<string, string | number | boolean>;
  tags?: string[];
  customFields?: { id: number; value: string }[];
  key?: string;
  digest?: string;
  /**
   * Which note this is: a full handoff note, a pointer to one, or an update under one. Rows
   * written before pointers existed are full notes.
   */
  note?: "full" | "pointer" | "update";
}

export type DeliveryResult =
  | { kind: "sent" }
  | { kind: "already_sent" }
  | { kind: "retry"; delaySeconds: number; reason: string }
  | { kind: "failed"; reason: string }
  | { kind: "busy"; delaySeconds: number };

export interface DeliveryDeps {
  fetcher?: typeof fetch;
  now?: () => Date;
}

const plain = (html: string) =>
  html
    .replace(/<[^>]+>/g, " ")
    .replace(/\s+/g, " ")
    .trim();

async function payloadOf(env: Env, tenantId: string, row: OutboxRow): Promise<OutboxPayload> {
  return openOutboxPayload<OutboxPayload>(env.SECRETS_KEY, tenantId, row.id, row.payload);
}

function writer(env: Env, tenant: LoadedTenant, deps: DeliveryDeps) {
  return new ZendeskWriter(
    tenant.config.zendesk,
    deps.fetcher ?? fetch,
    Number(env.OUTBOUND_TIMEOUT_MS ?? 10_000),
  );
}

/** Spend one update-ticket token from the tenant's budget, shared by every Worker instance. */
async function budget(
  env: Env,
  tenant: LoadedTenant,
): Promise<{ granted: true } | { granted: false; waitMs: number }> {
  const stub = env.ZENDESK_WRITE_BUDGET.get(env.ZENDESK_WRITE_BUDGET.idFromName(tenant.config.id));
  return stub.take(tenant.config.zendesk.updatesPerMinute);
}

/**
 * Handoff notes for one ticket, delivered together in one write. The newest full note or
 * pointer says where the thread stands now, so it supersedes every note pending before it; the
 * updates after it are news to it and go in the same comment, in order (with every tag). Before
 * any retry, the ticket's comments are searched for each note's `ctx-note:<key>`: a note Zendesk
 * already has is marked sent, never written twice. The write uses safe_update; a 409 re-reads
 * and re-applies.
 */
async function deliverNotes(
  env: Env,
  tenant: LoadedTenant,
  ticketId: string,
  deps: DeliveryDeps,
): Promise<DeliveryResult> {
  const db = env.DB;
  const tenantId = tenant.config.id;
  const now = deps.now ?? (() => new Date());
  const rows = await pendingNotesFor(db, tenantId, ticketId);
  if (rows.length === 0) return { kind: "already_sent" };
  // A replayed row starts its count again but keeps its last error: it was tried before.
  const attemptedBefore = rows.some((r) => r.attempts > 0 || r.lastError !== null);
  const attempts = Math.max(
    ...(await Promise.all(rows.map((r) => markAttempt(db, tenantId, r.id)))),
  );
  const payloads = await Promise.all(rows.map((r) => payloadOf(env, tenantId, r)));
  const zendesk = writer(env, tenant, deps);
  const base = Math.max(
    0,
    payloads.findLastIndex((p) => (p.note ?? "full") !== "update"),
  );
  const holds = (c: ZendeskComment, i: number) =>
    (c.html_body ?? c.body ?? "").includes(`ctx-note:${payloads[i]!.key}`);
  let toWrite = rows.map((_, i) => i).slice(base);
  const settle = async (by: string) => {
    for (const row of rows.slice(0, base)) {
      const current = await loadOutbox(db, tenantId, row.id);
      if (current?.status === "pending") await markSuperseded(db, tenantId, row.id, by);
    }
  };

  if (attemptedBefore) {
    // The oldest note to write is the first one an earlier attempt could have written: once it
    // turns up, every later comment has been read too, and older notes no longer matter.
    const comments = await zendesk.findComments(ticketId, (c) => holds(c, base));
    for (const [i, row] of rows.entries()) {
      const found = comments.find((c) => holds(c, i));
      if (found) await markSent(db, tenantId, row.id, found.id, now().toISOString());
    }
    toWrite = toWrite.filter((i) => !comments.some((c) => holds(c, i)));
    if (toWrite.length === 0) {
      await settle(rows.at(-1)!.id);
      return { kind: "already_sent" };
    }
  }

  const allowed = await budget(env, tenant);
  if (!allowed.granted) return { kind: "busy", delaySeconds: Math.ceil(allowed.waitMs / 1000) };

  const tags = [...new Set(payloads.flatMap((p) => p.tags ?? []))];
  const html = toWrite.map((i) => payloads[i]!.html ?? "").join("");
  const customFields = payloads[base]!.customFields ?? [];
  const newest = rows[toWrite.at(-1)!]!;
  for (let attempt = 1; attempt <= SAFE_UPDATE_TRIES; attempt++) {
    const ticket = await zendesk.ticket(ticketId);
    if (!ticket) return { kind: "failed", reason: `ticket ${ticketId} does not exist in Zendesk` };
    try {
      await zendesk.updateTicket(ticketId, {
        comment: { htmlBody: html, public: false },
        additionalTags: tags,
        customFields,
        ...(ticket.updated_at && { updatedStamp: ticket.updated_at }),
      });
      for (const i of toWrite) await markSent(db, tenantId, rows[i]!.id, null, now().toISOString());
      await settle(newest.id);
      return { kind: "sent" };
    } catch (error) {
      if (!(error instanceof TicketChanged) || attempt === SAFE_UPDATE_TRIES) {
        if (error instanceof TicketChanged)
          return {
            kind: "retry",
            delaySeconds: backoffSeconds(attempts, { baseSeconds: retryBaseSeconds(env) }),
            reason: error.message,
          };
        throw error;
      }
      // Someone changed the ticket between our read and our write: read again and re-apply.
    }
  }
  return {
    kind: "retry",
    delaySeconds: backoffSeconds(attempts, { baseSeconds: retryBaseSeconds(env) }),
    reason: "ticket kept changing",
  };
}

/** Replies, one-time codes and control passes: one row, reconciled by its key before a retry. */
async function deliverOne(
  env: Env,
  tenant: LoadedTenant,
  row: OutboxRow,
  deps: DeliveryDeps,
): Promise<DeliveryResult> {
  const db = env.DB;
  const tenantId = tenant.config.id;
  const now = deps.now ?? (() => new Date());
  // Notes count their attempts per ticket, together with the notes they coalesce with.
  if (row.kind === "zendesk_note") return deliverNotes(env, tenant, row.target, deps);
  const attempts = await markAttempt(db, tenantId, row.id);
  const payload = await payloadOf(env, tenantId, row);
  const retrying = attempts > 1 || row.lastError !== null;
  switch (row.kind) {
    case "sunco_message": {
      const sunco = new SuncoClient(tenant.config.sunco, deps.fetcher ?? fetch);
      if (retrying) {
        const earlier = await sunco.findMessage(row.target, row.id);
        if (earlier) {
          await markSent(db, tenantId, row.id, earlier, now().toISOString());
          return { kind: "already_sent" };
        }
      }
      await markSent(
        db,
        tenantId,
        row.id,
        await sunco.postMessage(row.target, payload.text ?? "", row.id),
        now().toISOString(),
      );
      return { kind: "sent" };
    }
    case "sunco_pass_control": {
      // Passing control to the workspace twice is harmless: there is nothing to reconcile.
      await new SuncoClient(tenant.config.sunco, deps.fetcher ?? fetch).passControl(
        row.target,
        payload.metadata ?? {},
      );
      await markSent(db, tenantId, row.id, null, now().toISOString());
      return { kind: "sent" };
    }
    case "zendesk_comment": {
      const zendesk = writer(env, tenant, deps);
      const html = payload.html ?? `<p>${escapeHtml(payload.text ?? "")}</p>`;
      if (retrying) {
        const same = (c: ZendeskComment) =>
          c.public !== false && plain(c.html_body ?? c.body ?? "") === plain(html);
        const earlier = (await zendesk.findComments(row.target, same)).find(same);
        if (earlier) {
          await markSent(db, tenantId, row.id, earlier.id, now().toISOString());
          return { kind: "already_sent" };
        }
      }
      const allowed = await budget(env, tenant);
      if (!allowed.granted) return { kind: "busy", delaySeconds: Math.ceil(allowed.waitMs / 1000) };
      await zendesk.updateTicket(row.target, { comment: { htmlBody: html, public: true } });
      await markSent(db, tenantId, row.id, null, now().toISOString());
      return { kind: "sent" };
    }
  }
}

/**
 * One delivery attempt for an outbox row, under a lease on what it writes to (a ticket for notes,
 * the row otherwise), so two invocations never write the same thing at once.
 */
export async function deliverOnce(
  env: Env,
  tenantId: string,
  id: string,
  deps: DeliveryDeps = {},
): Promise<DeliveryResult> {
  const now = deps.now ?? (() => new Date());
  const [tenant, row] = await Promise.all([
    loadTenant(env, tenantId),
    loadOutbox(env.DB, tenantId, id),
  ]);
  if (!tenant || !row || row.status !== "pending") return { kind: "already_sent" };
  const target = row.kind === "zendesk_note" ? `ticket:${row.target}` : `row:${row.id}`;
  const holder = randomToken(9);
  if (!(await acquireLease(env.DB, tenantId, target, holder, now(), LEASE_MS)))
    return { kind: "busy", delaySeconds: 2 };
  try {
    return await deliverOne(env, tenant, row, deps);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const current = await loadOutbox(env.DB, tenantId, id);
    const attempts = current?.attempts ?? 1;
    if (error instanceof DownstreamRejected) return { kind: "failed", reason };
    if (attempts >= MAX_DELIVERY_ATTEMPTS)
      return { kind: "failed", reason: `gave up after ${attempts} attempts: ${reason}` };
    return {
      kind: "retry",
      delaySeconds: backoffSeconds(attempts, {
        baseSeconds: retryBaseSeconds(env),
        retryAfterSeconds:
          error instanceof DownstreamUnavailable ? error.retryAfterSeconds : undefined,
      }),
      reason,
    };
  } finally {
    await releaseLease(env.DB, tenantId, target, holder);
  }
}

/** Record what an attempt decided; answers the delay before the next attempt, if any. */
export async function settleAttempt(
  env: Env,
  tenantId: string,
  id: string,
  result: DeliveryResult,
  now = new Date(),
): Promise<number | null> {
  switch (result.kind) {
    case "sent":
    case "already_sent":
      return null;
    case "failed":
      await markFailed(env.DB, tenantId, id, result.reason);
      console.error(
        JSON.stringify({ msg: "delivery failed", tenantId, id, reason: result.reason }),
      );
      return null;
    case "retry":
      await markRetry(
        env.DB,
        tenantId,
        id,
        result.reason,
        new Date(now.getTime() + result.delaySeconds * 1000).toISOString(),
      );
      return result.delaySeconds;
    case "busy":
      return result.delaySeconds;
  }
}

/** The outbox queue consumer: deliver, honour Retry-After and the write budget, back off, set aside. */
export async function consumeOutbox(batch: MessageBatch<OutboxMessage>, env: Env): Promise<void> {
  for (const message of batch.messages) {
    const { tenantId, id } = message.body;
    try {
      const result = await deliverOnce(env, tenantId, id);
      const delay = await settleAttempt(env, tenantId, id, result);
      if (delay === null) message.ack();
      else message.retry({ delaySeconds: delay });
    } catch (error) {
      console.error(
        JSON.stringify({
          msg: "delivery attempt crashed",
          tenantId,
          id,
          error: error instanceof Error ? error.message : "unknown",
        }),
      );
      message.retry({ delaySeconds: 5 });
    }
  }
}

/**
 * The outbox dead-letter queue: the platform gave up on a message (the consumer kept crashing).
 * The row is set aside as failed with that reason, visible in the admin API and the sidebar and
 * replayable; nothing is dropped silently.
 */
export async function setAsideUndelivered(
  batch: MessageBatch<OutboxMessage>,
  env: Env,
): Promise<void> {
  for (const message of batch.messages) {
    const { tenantId, id } = message.body;
    await markFailed(
      env.DB,
      tenantId,
      id,
      `the delivery queue gave up on it after ${message.attempts} tries`,
    );
    console.error(JSON.stringify({ msg: "outbox message dead-lettered", tenantId, id }));
    message.ack();
  }
}
