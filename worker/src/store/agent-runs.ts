/** How long a run holds its thread: longer than any run takes, short enough to take over a dead one. */
export const AGENT_RUN_LEASE_MS = 120_000;

/**
 * Record that the thread owes an agent run up to `upTo` (in the batch that recorded the message).
 * With a `lease`, the run is taken for its holder too, if no other run holds the thread: the
 * statement answers the holder the row has after it.
 */
export function requestAgentRun(
  db: D1Database,
  tenantId: string,
  threadId: string,
  upTo: number,
  now: string,
  lease: { holder: string; until: string } | null = null,
): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO agent_runs (tenant_id, thread_id, requested_up_to, requested_at, leased_by, leased_until)
       VALUES (?1, ?2, ?3, ?4, ?5, ?6)
       ON CONFLICT (tenant_id, thread_id) DO UPDATE SET
         requested_up_to = MAX(agent_runs.requested_up_to, excluded.requested_up_to), requested_at = excluded.requested_at,
         leased_by = CASE WHEN ?5 IS NOT NULL AND (agent_runs.leased_until IS NULL OR agent_runs.leased_until < ?4 OR agent_runs.leased_by = ?5)
           THEN ?5 ELSE agent_runs.leased_by END,
         leased_until = CASE WHEN ?5 IS NOT NULL AND (agent_runs.leased_until IS NULL OR agent_runs.leased_until < ?4 OR agent_runs.leased_by = ?5)
           THEN ?6 ELSE agent_runs.leased_until END
       RETURNING leased_by`,
    )
    .bind(tenantId, threadId, upTo, now, lease?.holder ?? null, lease?.until ?? null);
}

/**
 * The run is done up to `upTo`; the lease `holder` took for it is given back with it (a lease
 * someone else has taken over since is theirs and stays).
 */
export function completeAgentRun(
  db: D1Database,
  tenantId: string,
  threadId: string,
  upTo: number,
  holder: string | null = null,
): D1PreparedStatement {
  return db
    .prepare(
      `UPDATE agent_runs SET completed_up_to = MAX(completed_up_to, ?3),
         leased_by = CASE WHEN leased_by = ?4 THEN NULL ELSE leased_by END,
         leased_until = CASE WHEN leased_by = ?4 THEN NULL ELSE leased_until END
       WHERE tenant_id = ?1 AND thread_id = ?2`,
    )
    .bind(tenantId, threadId, upTo, holder);
}

/**
 * Take the thread's agent-run lease for `holder` until `until`, if it is free, lapsed or already
 * the holder's (a run that starts again after a conflict keeps it). Answers a row only when taken.
 */
export function leaseAgentRun(
  db: D1Database,
  tenantId: string,
  threadId: string,
  holder: string,
  now: string,
  until: string,
): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO agent_runs (tenant_id, thread_id, requested_up_to, requested_at, leased_by, leased_until)
       VALUES (?1, ?2, 0, ?3, ?4, ?5)
       ON CONFLICT (tenant_id, thread_id) DO UPDATE SET leased_by = ?4, leased_until = ?5
         WHERE agent_runs.leased_until IS NULL OR agent_runs.leased_until < ?3 OR agent_runs.leased_by = ?4
       RETURNING completed_up_to`,
    )
    .bind(tenantId, threadId, now, holder, until);
}

/** Give the lease back without completing (a run that failed): the next one need not wait it out. */
export function releaseAgentRun(
  db: D1Database,
  tenantId: string,
  threadId: string,
  holder: string,
): D1PreparedStatement {
  return db
    .prepare(
      `UPDATE agent_runs SET leased_by = NULL, leased_until = NULL
       WHERE tenant_id = ?1 AND thread_id = ?2 AND leased_by = ?3`,
    )
    .bind(tenantId, threadId, holder);
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
