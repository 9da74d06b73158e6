/** Provisioning steps a tenant's integration has completed, with what each made. */

export async function setupStepsOf(
  db: D1Database,
  tenantId: string,
  integration: string,
): Promise<Map<string, unknown>> {
  const { results } = await db
    .prepare(`SELECT step, result FROM setup_steps WHERE tenant_id = ?1 AND integration = ?2`)
    .bind(tenantId, integration)
    .all<{ step: string; result: string }>();
  return new Map(results.map((r) => [r.step, JSON.parse(r.result) as unknown]));
}

export async function recordSetupStep(
  db: D1Database,
  row: { tenantId: string; integration: string; step: string; result: unknown; now: string },
): Promise<void> {
  await db
    .prepare(
      `INSERT INTO setup_steps (tenant_id, integration, step, result, done_at) VALUES (?1, ?2, ?3, ?4, ?5)
       ON CONFLICT (tenant_id, integration, step) DO UPDATE SET result = excluded.result, done_at = excluded.done_at`,
    )
    .bind(row.tenantId, row.integration, row.step, JSON.stringify(row.result), row.now)
    .run();
}

export async function forgetSetupSteps(
  db: D1Database,
  tenantId: string,
  integration: string,
): Promise<void> {
  await db
    .prepare(`DELETE FROM setup_steps WHERE tenant_id = ?1 AND integration = ?2`)
    .bind(tenantId, integration)
    .run();
}
