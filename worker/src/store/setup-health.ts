/** What the setup page's checklist reads from D1: the newest event and the last hour's notes. */

export async function lastInboundEvent(
  db: D1Database,
  tenantId: string,
): Promise<{ at: string; source: string } | null> {
  const row = await db
    .prepare(
      `SELECT source, received_at FROM inbound_deliveries WHERE tenant_id = ?1 ORDER BY received_at DESC LIMIT 1`,
    )
    .bind(tenantId)
    .first<{ source: string; received_at: string }>();
  return row ? { at: row.received_at, source: row.source } : null;
}

/** Notes (any integration's `*_note` outbox rows) created since `since`: written, failed, why. */
export async function notesSince(
  db: D1Database,
  tenantId: string,
  since: string,
): Promise<{ written: number; failed: number; lastFailure: string | null }> {
  const counts = await db
    .prepare(
      `SELECT SUM(CASE WHEN status = 'sent' THEN 1 ELSE 0 END) AS written,
              SUM(CASE WHEN status = 'failed' THEN 1 ELSE 0 END) AS failed,
              (SELECT last_error FROM outbox o2 WHERE o2.tenant_id = ?1 AND o2.status = 'failed'
                 AND o2.kind LIKE '%!_note' ESCAPE '!' AND o2.created_at >= ?2
               ORDER BY o2.created_at DESC LIMIT 1) AS last_failure
         FROM outbox WHERE tenant_id = ?1 AND kind LIKE '%!_note' ESCAPE '!' AND created_at >= ?2`,
    )
    .bind(tenantId, since)
    .first<{ written: number | null; failed: number | null; last_failure: string | null }>();
  return {
    written: counts?.written ?? 0,
    failed: counts?.failed ?? 0,
    lastFailure: counts?.last_failure ?? null,
  };
}
