export interface AuditEntry {
  at: string;
  actor: string;
  action: string;
  threadId?: string | null;
  data?: Record<string, unknown>;
}

/** Audit entries never hold raw identifiers: callers pass masked forms and ids only. */
export function auditStatements(
  db: D1Database,
  tenantId: string,
  entries: AuditEntry[],
): D1PreparedStatement[] {
  return entries.map((e) =>
    db
      .prepare(
        `INSERT INTO audit_log (tenant_id, at, actor, action, thread_id, data) VALUES (?1, ?2, ?3, ?4, ?5, ?6)`,
      )
      .bind(tenantId, e.at, e.actor, e.action, e.threadId ?? null, JSON.stringify(e.data ?? {})),
  );
}
