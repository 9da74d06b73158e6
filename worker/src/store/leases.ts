/** Take the lease on a target unless someone else holds an unexpired one. */
export async function acquireLease(
  db: D1Database,
  tenantId: string,
  target: string,
  holder: string,
  now: Date,
  ttlMs: number,
): Promise<boolean> {
  const result = await db
    .prepare(
      `INSERT INTO write_leases (tenant_id, target, holder, until) VALUES (?1, ?2, ?3, ?4)
       ON CONFLICT (tenant_id, target) DO UPDATE SET holder = excluded.holder, until = excluded.until
       WHERE write_leases.until < ?5 OR write_leases.holder = excluded.holder`,
    )
    .bind(
      tenantId,
      target,
      holder,
      new Date(now.getTime() + ttlMs).toISOString(),
      now.toISOString(),
    )
    .run();
  return result.meta.changes === 1;
}

export async function releaseLease(
  db: D1Database,
  tenantId: string,
  target: string,
  holder: string,
): Promise<void> {
  await db
    .prepare(`DELETE FROM write_leases WHERE tenant_id = ?1 AND target = ?2 AND holder = ?3`)
    .bind(tenantId, target, holder)
    .run();
}
