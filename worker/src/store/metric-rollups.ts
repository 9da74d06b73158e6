import type { Contribution } from "../domain/metrics/contributions";

/**
 * Statements that move the rollups by a thread's contribution delta, in the same batch as the
 * thread write, so the aggregates always equal a recount of the threads.
 */
export function rollupStatements(
  db: D1Database,
  tenantId: string,
  delta: Contribution[],
): D1PreparedStatement[] {
  return delta.map((c) =>
    db
      .prepare(
        `INSERT INTO metric_rollups (tenant_id, day, category, channel, tier, arm, metric, n, sum, sum_sq)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
         ON CONFLICT (tenant_id, day, category, channel, tier, arm, metric) DO UPDATE SET
           n = n + excluded.n, sum = sum + excluded.sum, sum_sq = sum_sq + excluded.sum_sq`,
      )
      .bind(
        tenantId,
        c.segment.day,
        c.segment.category,
        c.segment.channel,
        c.segment.tier,
        c.segment.arm,
        c.metric,
        c.n,
        c.sum,
        c.sumSq,
      ),
  );
}

export interface RollupFilter {
  from: string;
  to: string;
  category?: string | undefined;
  channel?: string | undefined;
  tier?: string | undefined;
  arm?: string | undefined;
}

export interface RollupRow {
  metric: string;
  arm: string;
  key: string;
  n: number;
  sum: number;
  sumSq: number;
}

export type RollupDimension = "day" | "category" | "channel" | "tier" | "arm" | null;

/**
 * Summed rollups for a window and filters, grouped by metric, arm and optionally one more
 * dimension. Reads days × segments rows, never the threads or their events.
 */
export async function readRollups(
  db: D1Database,
  tenantId: string,
  filter: RollupFilter,
  dimension: RollupDimension,
): Promise<RollupRow[]> {
  const binds: unknown[] = [tenantId, filter.from, filter.to];
  const clauses = ["tenant_id = ?1", "day >= ?2", "day <= ?3"];
  for (const column of ["category", "channel", "tier", "arm"] as const) {
    const value = filter[column];
    if (value === undefined) continue;
    binds.push(value);
    clauses.push(`${column} = ?${binds.length}`);
  }
  const key = dimension ?? "''";
  const { results } = await db
    .prepare(
      `SELECT metric, arm, ${key} AS key, SUM(n) AS n, SUM(sum) AS sum, SUM(sum_sq) AS sum_sq
       FROM metric_rollups WHERE ${clauses.join(" AND ")} GROUP BY metric, arm, ${key}`,
    )
    .bind(...binds)
    .all<{ metric: string; arm: string; key: string; n: number; sum: number; sum_sq: number }>();
  return results.map((r) => ({
    metric: r.metric,
    arm: r.arm,
    key: String(r.key),
    n: r.n,
    sum: r.sum,
    sumSq: r.sum_sq,
  }));
}
