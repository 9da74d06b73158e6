import { openOutboxPayload } from "../security/outbox-payload";
import { credentialKeeper } from "../tenancy/accounts";
import { DownstreamRejected, DownstreamUnavailable } from "../connectors/http";
import type { WriteBudget, WriteOutcome } from "../integrations/ports";
import {
  messagingProviderNamed,
  outboxOperation,
  ticketSystemNamed,
} from "../integrations/registry";
import { escapeHtml, newestFieldValues } from "../domain/note-rendering";
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
  type OutboxKind,
  type OutboxRow,
} from "../store/outbox";
import { loadTenant, type LoadedTenant } from "../tenancy/tenants";
import type { OutboxMessage } from "./outbox-message";

export const MAX_DELIVERY_ATTEMPTS = 8;
const LEASE_MS = 60_000;

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

async function payloadOf(env: Env, tenantId: string, row: OutboxRow): Promise<OutboxPayload> {
  return openOutboxPayload<OutboxPayload>(env.SECRETS_KEY, tenantId, row.id, row.payload);
}

/** What the outbox makes of a write's outcome: waiting on the vendor counts as an attempt. */
function settled(env: Env, outcome: WriteOutcome, attempts: number): DeliveryResult {
  switch (outcome.kind) {
    case "done":
      return { kind: "sent" };
    case "give_up":
      return { kind: "failed", reason: outcome.reason };
    case "retry_after":
      return {
        kind: "retry",
        delaySeconds:
          outcome.seconds ?? backoffSeconds(attempts, { baseSeconds: retryBaseSeconds(env) }),
        reason: outcome.reason,
      };
  }
}

const busy = (budget: WriteBudget): DeliveryResult | null =>
  budget.granted ? null : { kind: "busy", delaySeconds: Math.ceil(budget.waitMs / 1000) };

/**
 * Handoff notes for one ticket, delivered together in one write. The newest full note or
 * pointer says where the thread stands now, so it supersedes every note pending before it; the
 * updates after it are news to it and go in the same comment, in order (with every tag). Before
 * any retry, the ticket is searched for each note's `ctx-note:<key>`: a note the ticket system
 * already has is marked sent, never written twice.
 */
async function deliverNotes(
  env: Env,
  tenant: LoadedTenant,
  kind: OutboxKind,
  ticketId: string,
  deps: DeliveryDeps,
): Promise<DeliveryResult> {
  const db = env.DB;
  const tenantId = tenant.config.id;
  const now = deps.now ?? (() => new Date());
  const rows = await pendingNotesFor(db, tenantId, kind, ticketId);
  if (rows.length === 0) return { kind: "already_sent" };
  // A replayed row starts its count again but keeps its last error: it was tried before.
  const attemptedBefore = rows.some((r) => r.attempts > 0 || r.lastError !== null);
  const attempts = Math.max(
    ...(await Promise.all(rows.map((r) => markAttempt(db, tenantId, r.id)))),
  );
  const payloads = await Promise.all(rows.map((r) => payloadOf(env, tenantId, r)));
  const tickets = ticketSystemNamed(outboxOperation(kind).integration, tenant.config, {
    env,
    keepCredentials: credentialKeeper(env),
    ...(deps.fetcher && { fetcher: deps.fetcher }),
  });
  const base = Math.max(
    0,
    payloads.findLastIndex((p) => (p.note ?? "full") !== "update"),
  );
  const keyOf = (i: number) => `${payloads[i]!.key}`;
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
    const held = await tickets.notesHeld(
      ticketId,
      rows.map((_, i) => keyOf(i)),
      keyOf(base),
    );
    for (const [i, row] of rows.entries()) {
      const found = held.get(keyOf(i));
      if (found) await markSent(db, tenantId, row.id, found, now().toISOString());
    }
    toWrite = toWrite.filter((i) => !held.has(keyOf(i)));
    if (toWrite.length === 0) {
      await settle(rows.at(-1)!.id);
      return { kind: "already_sent" };
    }
  }

  const wait = busy(await tickets.takeWrite());
  if (wait) return wait;

  const outcome = await tickets.writeNote(ticketId, {
    html: toWrite.map((i) => payloads[i]!.html ?? "").join(""),
    tags: [...new Set(payloads.flatMap((p) => p.tags ?? []))],
    customFields: newestFieldValues(toWrite.map((i) => payloads[i]!.customFields ?? [])),
  });
  if (outcome.kind === "done") {
    for (const i of toWrite) await markSent(db, tenantId, rows[i]!.id, null, now().toISOString());
    await settle(rows[toWrite.at(-1)!]!.id);
  }
  return settled(env, outcome, attempts);
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
  const { integration, operation } = outboxOperation(row.kind);
  // Notes count their attempts per ticket, together with the notes they coalesce with.
  if (operation === "note") return deliverNotes(env, tenant, row.kind, row.target, deps);
  const attempts = await markAttempt(db, tenantId, row.id);
  const payload = await payloadOf(env, tenantId, row);
  const retrying = attempts > 1 || row.lastError !== null;
  const integrationDeps = {
    env,
    keepCredentials: credentialKeeper(env),
    ...(deps.fetcher && { fetcher: deps.fetcher }),
  };
  const sent = async (outcome: WriteOutcome) => {
    if (outcome.kind === "done")
      await markSent(db, tenantId, row.id, outcome.remoteId, now().toISOString());
    return settled(env, outcome, attempts);
  };
  const alreadySent = async (remoteId: string) => {
    await markSent(db, tenantId, row.id, remoteId, now().toISOString());
    return { kind: "already_sent" } as const;
  };
  switch (operation) {
    case "message": {
      const messaging = messagingProviderNamed(integration, tenant.config, integrationDeps);
      const earlier = retrying ? await messaging.messageHeld(row.target, row.id) : null;
      if (earlier) return alreadySent(earlier);
      return sent(await messaging.postMessage(row.target, payload.text ?? "", row.id));
    }
    case "pass_control": {
      // Passing control to the workspace twice is harmless: there is nothing to reconcile.
      const messaging = messagingProviderNamed(integration, tenant.config, integrationDeps);
      return sent(await messaging.passControl(row.target, payload.metadata ?? {}));
    }
    case "release_control": {
      // Likewise releasing it twice.
      const messaging = messagingProviderNamed(integration, tenant.config, integrationDeps);
      return sent(await messaging.releaseControl(row.target, payload.metadata ?? {}));
    }
    case "comment": {
      const tickets = ticketSystemNamed(integration, tenant.config, integrationDeps);
      const html = payload.html ?? `<p>${escapeHtml(payload.text ?? "")}</p>`;
      const earlier = retrying ? await tickets.commentHeld(row.target, html) : null;
      if (earlier) return alreadySent(earlier);
      const wait = busy(await tickets.takeWrite());
      if (wait) return wait;
      return sent(await tickets.writeComment(row.target, html));
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
  const target =
    outboxOperation(row.kind).operation === "note" ? `ticket:${row.target}` : `row:${row.id}`;
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
