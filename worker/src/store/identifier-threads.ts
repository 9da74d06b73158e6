import type { Signal } from "../domain/identity-level";

/** Remember which thread each hashed identifier appeared on, for erasure by any identifier. */
export function identifierThreadStatements(
  db: D1Database,
  tenantId: string,
  threadId: string,
  signals: Signal[],
  now: string,
): D1PreparedStatement[] {
  return signals.map((s) =>
    db
      .prepare(
        `INSERT INTO identifier_threads (tenant_id, kind, hash, thread_id, seen_at) VALUES (?1, ?2, ?3, ?4, ?5)
         ON CONFLICT (tenant_id, kind, hash, thread_id) DO UPDATE SET seen_at = MAX(identifier_threads.seen_at, excluded.seen_at)`,
      )
      .bind(tenantId, s.kind, s.hash, threadId, now),
  );
}

/** Forget where identifiers appeared when they have not been seen since `before` (retention). */
export function expireIdentifierThreads(
  db: D1Database,
  tenantId: string,
  before: string,
): D1PreparedStatement {
  return db
    .prepare(`DELETE FROM identifier_threads WHERE tenant_id = ?1 AND seen_at < ?2`)
    .bind(tenantId, before);
}
