import type { NoteStatus } from "../domain/context-view";
/**
 * What an outbox row writes: a reply in a conversation, a ticket comment, a note, control passed
 * to the agent workspace or released from it.
 */
export type OutboxOperation = "message" | "comment" | "note" | "pass_control" | "release_control";
/**
 * `<integration>_<operation>`, the integration by its registry name (integrations/registry.ts):
 * `zendesk_note`, `sunco_message`, …
 */
export type OutboxKind = `${string}_${OutboxOperation}`;
export type OutboxStatus = "pending" | "sent" | "failed" | "superseded";

export interface OutboxRow {
  id: string;
  threadId: string;
  kind: OutboxKind;
  target: string;
  payload: string;
  status: OutboxStatus;
  attempts: number;
  nextAttemptAt: string;
  lastError: string | null;
  remoteId: string | null;
  createdAt: string;
  sentAt: string | null;
}

interface Row {
  id: string;
  thread_id: string;
  kind: OutboxKind;
  target: string;
  payload: string;
  status: OutboxStatus;
  attempts: number;
  next_attempt_at: string;
  last_error: string | null;
  remote_id: string | null;
  created_at: string;
  sent_at: string | null;
}

const toRow = (r: Row): OutboxRow => ({
  id: r.id,
  threadId: r.thread_id,
  kind: r.kind,
  target: r.target,
  payload: r.payload,
  status: r.status,
  attempts: r.attempts,
  nextAttemptAt: r.next_attempt_at,
  lastError: r.last_error,
  remoteId: r.remote_id,
  createdAt: r.created_at,
  sentAt: r.sent_at,
});

/** Statements to put writes in the outbox, in the same batch as the decision behind them. */
export function enqueueOutbox(
  db: D1Database,
  tenantId: string,
  rows: { id: string; threadId: string; kind: OutboxKind; target: string; payload: string }[],
  now: string,
): D1PreparedStatement[] {
  return rows.map((r) =>
    db
      .prepare(
        `INSERT INTO outbox (tenant_id, id, thread_id, kind, target, payload, status, next_attempt_at, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'pending', ?7, ?7) ON CONFLICT DO NOTHING`,
      )
      .bind(tenantId, r.id, r.threadId, r.kind, r.target, r.payload, now),
  );
}

export async function loadOutbox(
  db: D1Database,
  tenantId: string,
  id: string,
): Promise<OutboxRow | null> {
  const row = await db
    .prepare(`SELECT * FROM outbox WHERE tenant_id = ?1 AND id = ?2`)
    .bind(tenantId, id)
    .first<Row>();
  return row ? toRow(row) : null;
}

/** Count an attempt before making it: a retry then knows the vendor may already have the write. */
export async function markAttempt(db: D1Database, tenantId: string, id: string): Promise<number> {
  const row = await db
    .prepare(
      `UPDATE outbox SET attempts = attempts + 1 WHERE tenant_id = ?1 AND id = ?2 AND status = 'pending' RETURNING attempts`,
    )
    .bind(tenantId, id)
    .first<{ attempts: number }>();
  return row?.attempts ?? 0;
}

export async function markSent(
  db: D1Database,
  tenantId: string,
  id: string,
  remoteId: string | null,
  now: string,
): Promise<void> {
  await db
    .prepare(
      `UPDATE outbox SET status = 'sent', sent_at = ?3, remote_id = ?4, last_error = NULL, payload = '' WHERE tenant_id = ?1 AND id = ?2`,
    )
    .bind(tenantId, id, now, remoteId)
    .run();
}

export async function markRetry(
  db: D1Database,
  tenantId: string,
  id: string,
  error: string,
  nextAttemptAt: string,
): Promise<void> {
  await db
    .prepare(
      `UPDATE outbox SET last_error = ?3, next_attempt_at = ?4 WHERE tenant_id = ?1 AND id = ?2 AND status = 'pending'`,
    )
    .bind(tenantId, id, error, nextAttemptAt)
    .run();
}

export async function markFailed(
  db: D1Database,
  tenantId: string,
  id: string,
  error: string,
): Promise<void> {
  await db
    .prepare(
      `UPDATE outbox SET status = 'failed', last_error = ?3 WHERE tenant_id = ?1 AND id = ?2 AND status = 'pending'`,
    )
    .bind(tenantId, id, error)
    .run();
}

export async function requeueOutbox(
  db: D1Database,
  tenantId: string,
  id: string,
  now: string,
): Promise<boolean> {
  const result = await db
    .prepare(
      `UPDATE outbox SET status = 'pending', attempts = 0, next_attempt_at = ?3 WHERE tenant_id = ?1 AND id = ?2 AND status = 'failed'`,
    )
    .bind(tenantId, id, now)
    .run();
  return result.meta.changes === 1;
}

export async function countOutbox(
  db: D1Database,
  tenantId: string,
): Promise<{ pending: number; failed: number }> {
  const { results } = await db
    .prepare(
      `SELECT status, COUNT(*) AS n FROM outbox WHERE tenant_id = ?1 AND status <> 'sent' GROUP BY status`,
    )
    .bind(tenantId)
    .all<{ status: OutboxStatus; n: number }>();
  return {
    pending: results.find((r) => r.status === "pending")?.n ?? 0,
    failed: results.find((r) => r.status === "failed")?.n ?? 0,
  };
}

/** Rows still pending past their time: the cron re-queues them in case a queue message was lost. */
export async function overdueOutbox(
  db: D1Database,
  before: string,
  limit = 100,
): Promise<{ tenantId: string; id: string }[]> {
  const { results } = await db
    .prepare(
      `SELECT tenant_id, id FROM outbox WHERE status = 'pending' AND next_attempt_at < ?1 ORDER BY next_attempt_at LIMIT ?2`,
    )
    .bind(before, limit)
    .all<{ tenant_id: string; id: string }>();
  return results.map((r) => ({ tenantId: r.tenant_id, id: r.id }));
}

/** Pending handoff notes (of one kind) for one ticket, oldest first: they are delivered together. */
export async function pendingNotesFor(
  db: D1Database,
  tenantId: string,
  kind: OutboxKind,
  ticketId: string,
): Promise<OutboxRow[]> {
  const { results } = await db
    .prepare(
      `SELECT * FROM outbox WHERE tenant_id = ?1 AND kind = ?3 AND target = ?2 AND status = 'pending' ORDER BY created_at, id`,
    )
    .bind(tenantId, ticketId, kind)
    .all<Row>();
  return results.map(toRow);
}

/** An older note whose content a newer one carries: done, without a write of its own. */
export async function markSuperseded(
  db: D1Database,
  tenantId: string,
  id: string,
  by: string,
): Promise<void> {
  await db
    .prepare(
      `UPDATE outbox SET status = 'superseded', last_error = ?3, payload = '' WHERE tenant_id = ?1 AND id = ?2 AND status = 'pending'`,
    )
    .bind(tenantId, id, `superseded by ${by}`)
    .run();
}

export async function listOutbox(
  db: D1Database,
  tenantId: string,
  status: OutboxStatus,
  limit = 100,
): Promise<OutboxRow[]> {
  const { results } = await db
    .prepare(
      `SELECT * FROM outbox WHERE tenant_id = ?1 AND status = ?2 ORDER BY created_at DESC LIMIT ?3`,
    )
    .bind(tenantId, status, limit)
    .all<Row>();
  return results.map(toRow);
}

/**
 * The handoff notes of a thread as the sidebar shows them: where each one stands. On the context
 * read, so it leaves the sealed payloads in the table.
 */
export async function noteStatuses(
  db: D1Database,
  tenantId: string,
  threadId: string,
): Promise<NoteStatus[]> {
  const { results } = await db
    .prepare(
      `SELECT id, target, status, attempts, last_error, created_at, sent_at FROM outbox
       WHERE tenant_id = ?1 AND thread_id = ?2 AND kind LIKE '%!_note' ESCAPE '!' ORDER BY created_at`,
    )
    .bind(tenantId, threadId)
    .all<
      Pick<Row, "id" | "target" | "status" | "attempts" | "last_error" | "created_at" | "sent_at">
    >();
  return results.map((r) => ({
    id: r.id,
    ticketId: r.target,
    status: r.status,
    attempts: r.attempts,
    lastError: r.last_error,
    createdAt: r.created_at,
    sentAt: r.sent_at,
  }));
}
