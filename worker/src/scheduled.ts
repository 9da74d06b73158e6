import type { Env } from "./env";
import { overdueRuns } from "./store/agent-runs";
import { overdueOutbox } from "./store/outbox";

/**
 * Every minute: queue again what should be moving and is not (a queue send lost after its row
 * was written). Both consumers are idempotent, so a spare message is harmless.
 */
export async function sweep(env: Env, now: Date): Promise<{ runs: number; outbox: number }> {
  const before = new Date(now.getTime() - 60_000).toISOString();
  const [runs, outbox] = await Promise.all([
    overdueRuns(env.DB, before),
    overdueOutbox(env.DB, before),
  ]);
  if (runs.length > 0)
    await env.AGENT_QUEUE.sendBatch(runs.map((r) => ({ body: { v: 1 as const, ...r } })));
  if (outbox.length > 0)
    await env.OUTBOX_QUEUE.sendBatch(outbox.map((o) => ({ body: { v: 1 as const, ...o } })));
  return { runs: runs.length, outbox: outbox.length };
}
