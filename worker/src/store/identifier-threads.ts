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
