import type { AuditEntry } from "../domain/audit-trail";

export type { AuditEntry };

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

export interface StoredAuditEntry extends AuditEntry {
  id: number;
  threadId: string | null;
  data: Record<string, unknown>;
}

/** Audit events in id order, for one thread or the whole tenant, from a cursor. */
export async function readAudit(
  db: D1Database,
  tenantId: string,
  filter: { threadId?: string; from?: string; to?: string; after?: number; limit: number },
): Promise<StoredAuditEntry[]> {
  const clauses = ["tenant_id = ?1", "id > ?2"];
  const binds: unknown[] = [tenantId, filter.after ?? 0];
  if (filter.threadId) {
    binds.push(filter.threadId);
    clauses.push(`thread_id = ?${binds.length}`);
  }
  if (filter.from) {
    binds.push(filter.from);
    clauses.push(`at >= ?${binds.length}`);
  }
  if (filter.to) {
    binds.push(filter.to);
    clauses.push(`at < ?${binds.length}`);
  }
  const { results } = await db
    .prepare(
      `SELECT id, at, actor, action, thread_id, data FROM audit_log WHERE ${clauses.join(" AND ")} ORDER BY id LIMIT ${Math.min(filter.limit, 1000)}`,
    )
    .bind(...binds)
    .all<{
      id: number;
      at: string;
      actor: string;
      action: string;
      thread_id: string | null;
      data: string;
    }>();
  return results.map((r) => ({
    id: r.id,
    at: r.at,
    actor: r.actor,
    action: r.action,
    threadId: r.thread_id,
    data: JSON.parse(r.data) as Record<string, unknown>,
  }));
}

/** The audit trail as NDJSON, read in pages so an export of any size streams in bounded memory. */
export function auditNdjson(
  db: D1Database,
  tenantId: string,
  filter: { threadId?: string; from?: string; to?: string },
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let after = 0;
  return new ReadableStream({
    async pull(controller) {
      const page = await readAudit(db, tenantId, { ...filter, after, limit: 500 });
      if (page.length === 0) return controller.close();
      after = page[page.length - 1]!.id;
      controller.enqueue(encoder.encode(page.map((e) => `${JSON.stringify(e)}\n`).join("")));
    },
  });
}

/**
 * Remove the customer's words kept in audit entries older than `before` (the messages window): a
 * question no article answered is message text, kept no longer than the messages themselves,
 * while the decision it belongs to stays for the audit window.
 */
export function scrubAuditedQuestions(
  db: D1Database,
  tenantId: string,
  before: string,
): D1PreparedStatement {
  return db
    .prepare(
      `UPDATE audit_log SET data = json_remove(data, '$.knowledge.question')
       WHERE tenant_id = ?1 AND at < ?2 AND action = 'agent.decided'
         AND json_extract(data, '$.knowledge.question') IS NOT NULL`,
    )
    .bind(tenantId, before);
}

/** Delete audit entries older than `before` (retention). */
export function expireAudit(db: D1Database, tenantId: string, before: string): D1PreparedStatement {
  return db
    .prepare(`DELETE FROM audit_log WHERE tenant_id = ?1 AND at < ?2`)
    .bind(tenantId, before);
}

/**
 * The agent's decisions about general questions in a window (`agent.decided` entries carrying a
 * `knowledge` outcome), for the metrics page. Read through the time index; an erased entry's data
 * is `{"erased":true}` and drops out.
 */
export async function knowledgeDecisions(
  db: D1Database,
  tenantId: string,
  window: { from: string; to: string },
): Promise<{ at: string; knowledge: unknown }[]> {
  const { results } = await db
    .prepare(
      `SELECT at, json_extract(data, '$.knowledge') AS knowledge FROM audit_log
       WHERE tenant_id = ?1 AND at >= ?2 AND at < ?3 AND action = 'agent.decided'
         AND json_extract(data, '$.knowledge') IS NOT NULL`,
    )
    .bind(tenantId, window.from, window.to)
    .all<{ at: string; knowledge: string }>();
  return results.map((r) => ({ at: r.at, knowledge: JSON.parse(r.knowledge) as unknown }));
}
