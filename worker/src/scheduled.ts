import { outboxMessage } from "./delivery/outbox-message";
import { agentRunMessage } from "./agent/agent-run-message";
import type { Env } from "./env";
import { enforceRetention, type RetentionRun } from "./governance/retention";
import { requeueStuckDeliveries } from "./ingest/stuck-deliveries";
import { overdueRuns } from "./store/agent-runs";
import { overdueOutbox } from "./store/outbox";
import { tenantIds } from "./store/tenants";
import { loadTenant } from "./tenancy/tenants";

/**
 * Every minute: queue again what should be moving and is not (a queue message lost after its row
 * was written, or with a process that died): accepted events past their lease, owed agent runs,
 * outbox rows. Every consumer is idempotent, so a spare message is harmless.
 */
export async function sweep(
  env: Env,
  now: Date,
): Promise<{ deliveries: number; runs: number; outbox: number }> {
  const before = new Date(now.getTime() - 60_000).toISOString();
  const [runs, outbox] = await Promise.all([
    overdueRuns(env.DB, before),
    overdueOutbox(env.DB, before),
  ]);
  if (runs.length > 0)
    await env.AGENT_QUEUE.sendBatch(
      runs.map((r) => ({ body: agentRunMessage(r.tenantId, r.threadId, r.upTo) })),
    );
  if (outbox.length > 0)
    await env.OUTBOX_QUEUE.sendBatch(
      outbox.map((o) => ({ body: outboxMessage(o.tenantId, o.id) })),
    );
  const deliveries = await requeueStuckDeliveries(env, now);
  return { deliveries: deliveries.requeued, runs: runs.length, outbox: outbox.length };
}

/** Every minute as well: each tenant's retention windows, a bounded batch at a time. */
export async function retentionSweep(env: Env, now: Date): Promise<Record<string, RetentionRun>> {
  const runs: Record<string, RetentionRun> = {};
  for (const id of await tenantIds(env.DB)) {
    const tenant = await loadTenant(env, id);
    if (!tenant) continue;
    runs[id] = await enforceRetention(env, tenant.config, now);
  }
  return runs;
}
