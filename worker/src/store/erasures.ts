import { placeholders, unionOfSeeks } from "./seeks";

/**
 * Erasure: the tombstones that keep an erased customer from coming back, the record of each
 * request, and the one batch that removes everything of theirs.
 */

export interface ErasureMark {
  kind: string;
  hash: string;
}

/** Whether any of these marks (hashed identifiers, links) has a tombstone. */
/** Whether any of these marks was erased: a row means yes (batched with the event's first reads). */
export function erasedStatement(
  db: D1Database,
  tenantId: string,
  marks: ErasureMark[],
): D1PreparedStatement {
  return db
    .prepare(
      `${unionOfSeeks("SELECT 1 AS found FROM erasure_tombstones", ["kind", "hash"], "", marks.length)} LIMIT 1`,
    )
    .bind(tenantId, ...marks.flatMap((m) => [m.kind, m.hash]));
}

export interface ErasedRecords {
  /** Rows deleted, per table. */
  removed: Record<string, number>;
  /** Audit entries anonymised. */
  anonymisedAudit: number;
}

/**
 * In one batch: delete these threads and everything recorded on them, these customers and their
 * identities, the tickets' write leases; anonymise the threads' audit entries; tombstone `marks`.
 */
export async function eraseRecords(
  db: D1Database,
  tenantId: string,
  erase: { threads: string[]; customers: string[]; tickets: string[]; marks: ErasureMark[] },
  now: string,
): Promise<ErasedRecords> {
  const { threads, customers, tickets, marks } = erase;
  const byThread = (table: string) =>
    db
      .prepare(
        `DELETE FROM ${table} WHERE tenant_id = ?1 AND thread_id IN (${placeholders(threads.length, 2)})`,
      )
      .bind(tenantId, ...threads);
  const byCustomer = (table: string, column: string) =>
    db
      .prepare(
        `DELETE FROM ${table} WHERE tenant_id = ?1 AND ${column} IN (${placeholders(customers.length, 2)})`,
      )
      .bind(tenantId, ...customers);
  const statements: [string, D1PreparedStatement][] = [
    ["thread_events", byThread("thread_events")],
    ["thread_links", byThread("thread_links")],
    ["identifier_threads", byThread("identifier_threads")],
    ["outbox", byThread("outbox")],
    ["agent_runs", byThread("agent_runs")],
    ["inbound_deliveries", byThread("inbound_deliveries")],
    [
      "threads",
      db
        .prepare(
          `DELETE FROM threads WHERE tenant_id = ?1 AND id IN (${placeholders(threads.length, 2)})`,
        )
        .bind(tenantId, ...threads),
    ],
    ["identities", byCustomer("identities", "customer_id")],
    ["customers", byCustomer("customers", "id")],
    [
      "write_leases",
      db
        .prepare(
          `DELETE FROM write_leases WHERE tenant_id = ?1 AND target IN (${placeholders(tickets.length, 2)})`,
        )
        .bind(tenantId, ...tickets.map((t) => `ticket:${t}`)),
    ],
  ];
  const anonymise = db
    .prepare(
      `UPDATE audit_log SET data = '{"erased":true}', thread_id = NULL,
         actor = CASE WHEN actor LIKE 'human:%' OR actor LIKE 'agent:%' OR actor LIKE 'system:%' THEN actor ELSE 'erased' END
       WHERE tenant_id = ?1 AND thread_id IN (${placeholders(threads.length, 2)})`,
    )
    .bind(tenantId, ...threads);
  const tombstones = marks.map((m) =>
    db
      .prepare(
        `INSERT INTO erasure_tombstones (tenant_id, kind, hash, erased_at) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT (tenant_id, kind, hash) DO NOTHING`,
      )
      .bind(tenantId, m.kind, m.hash, now),
  );
  const results = await db.batch([...statements.map(([, s]) => s), anonymise, ...tombstones]);
  return {
    removed: Object.fromEntries(
      statements.map(([table], i) => [table, results[i]?.meta.changes ?? 0]),
    ),
    anonymisedAudit: results[statements.length]?.meta.changes ?? 0,
  };
}

/** Keep the report of an erasure request, for the privacy officer's record. */
export async function recordErasure(
  db: D1Database,
  tenantId: string,
  requestId: string,
  requestedAt: string,
  report: unknown,
): Promise<void> {
  await db
    .prepare(
      `INSERT INTO erasure_requests (tenant_id, id, requested_at, report) VALUES (?1, ?2, ?3, ?4)`,
    )
    .bind(tenantId, requestId, requestedAt, JSON.stringify(report))
    .run();
}

/** The tenant's last 200 erasure requests, newest first, with their reports. */
export async function listErasures(
  db: D1Database,
  tenantId: string,
): Promise<{ requestedAt: string; report: unknown }[]> {
  const { results } = await db
    .prepare(
      `SELECT requested_at, report FROM erasure_requests WHERE tenant_id = ?1 ORDER BY requested_at DESC LIMIT 200`,
    )
    .bind(tenantId)
    .all<{ requested_at: string; report: string }>();
  return results.map((r) => ({
    requestedAt: r.requested_at,
    report: JSON.parse(r.report) as unknown,
  }));
}
