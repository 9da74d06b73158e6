/** Record that the thread owes an agent run up to `upTo` (in the batch that recorded the message). */
export function requestAgentRun(
  db: D1Database,
  tenantId: string,
  threadId: string,
  upTo: number,
  now: string,
): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO agent_runs (tenant_id, thread_id, requested_up_to, requested_at) VALUES (?1, ?2, ?3, ?4)
       ON CONFLICT (tenant_id, thread_id) DO UPDATE SET
         requested_up_to = MAX(agent_runs.requested_up_to, excluded.requested_up_to), requested_at = excluded.requested_at`,
    )
    .bind(tenantId, threadId, upTo, now);
}

export function completeAgentRun(
  db: D1Database,
  tenantId: string,
  threadId: string,
  upTo: number,
): D1PreparedStatement {
  return db
    .prepare(
      `UPDATE agent_runs SET completed_up_to = MAX(completed_up_to, ?3) WHERE tenant_id = ?1 AND thread_id = ?2`,
    )
    .bind(tenantId, threadId, upTo);
}

export async function countOwedRuns(db: D1Database, tenantId: string): Promise<number> {
  const row = await db
    .prepare(
      `SELECT COUNT(*) AS n FROM agent_runs WHERE tenant_id = ?1 AND requested_up_to > completed_up_to`,
    )
    .bind(tenantId)
    .first<{ n: number }>();
  return row?.n ?? 0;
}

export async function overdueRuns(
  db: D1Database,
  before: string,
  limit = 100,
): Promise<{ tenantId: string; threadId: string; upTo: number }[]> {
  const { results } = await db
    .prepare(
      `SELECT tenant_id, thread_id, requested_up_to FROM agent_runs
       WHERE requested_up_to > completed_up_to AND requested_at < ?1 ORDER BY requested_at LIMIT ?2`,
    )
    .bind(before, limit)
    .all<{ tenant_id: string; thread_id: string; requested_up_to: number }>();
  return results.map((r) => ({
    tenantId: r.tenant_id,
    threadId: r.thread_id,
    upTo: r.requested_up_to,
  }));
}
