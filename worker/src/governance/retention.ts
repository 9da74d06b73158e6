import { DATA_CLASSES, factTypesOf, scrubFact, type DataClass } from "../domain/retention";
import type { ThreadEvent } from "../domain/thread-events";
import { project } from "../domain/thread-state";
import type { Env } from "../env";
import { loadEvents, loadThread, ThreadWrite } from "../store/threads";
import type { RetentionConfig, TenantConfig } from "../tenancy/tenant-config";

/** Facts scrubbed per class per run: the cron runs every minute, so a backlog drains in steps. */
const BATCH = 200;

export interface RetentionRun {
  scrubbed: Record<DataClass, number>;
  identities: number;
  audit: number;
  threads: number;
}

const WINDOW: Record<DataClass, keyof RetentionConfig> = {
  messages: "messagesDays",
  identifiers: "identifiersDays",
  verification: "verificationDays",
  artifacts: "artifactDays",
};

function cutoff(now: Date, days: number): string {
  return new Date(now.getTime() - days * 86_400_000).toISOString();
}

/**
 * Enforce one tenant's retention windows at `now`: scrub the content of facts older than their
 * class's window (the log keeps its shape), re-project the threads they belong to, delete
 * identifier records not seen within the window, and delete audit entries past theirs.
 */
export async function enforceRetention(
  env: Env,
  config: Pick<TenantConfig, "id" | "retention" | "policy">,
  now: Date,
): Promise<RetentionRun> {
  const db = env.DB;
  const tenantId = config.id;
  const stamp = now.toISOString();
  const scrubbed = { messages: 0, identifiers: 0, verification: 0, artifacts: 0 };
  const touched = new Set<string>();
  for (const dataClass of DATA_CLASSES) {
    const types = factTypesOf(dataClass);
    const { results } = await db
      .prepare(
        `SELECT thread_id, seq, data FROM thread_events
         WHERE tenant_id = ?1 AND type IN (${types.map((_, i) => `?${i + 3}`).join(", ")})
           AND occurred_at < ?2 AND scrubbed_at IS NULL
         LIMIT ${BATCH}`,
      )
      .bind(tenantId, cutoff(now, config.retention[WINDOW[dataClass]]), ...types)
      .all<{ thread_id: string; seq: number; data: string }>();
    if (results.length === 0) continue;
    await db.batch(
      results.map((r) =>
        db
          .prepare(
            `UPDATE thread_events SET data = ?4, scrubbed_at = ?5 WHERE tenant_id = ?1 AND thread_id = ?2 AND seq = ?3`,
          )
          .bind(
            tenantId,
            r.thread_id,
            r.seq,
            JSON.stringify(scrubFact(JSON.parse(r.data) as ThreadEvent)),
            stamp,
          ),
      ),
    );
    scrubbed[dataClass] = results.length;
    for (const r of results) touched.add(r.thread_id);
  }
  for (const threadId of touched) await reproject(env, tenantId, threadId, config.policy, stamp);

  const identifierCutoff = cutoff(now, config.retention.identifiersDays);
  const [identities, , audit] = await db.batch([
    db
      .prepare(`DELETE FROM identities WHERE tenant_id = ?1 AND last_seen_at < ?2`)
      .bind(tenantId, identifierCutoff),
    db
      .prepare(`DELETE FROM identifier_threads WHERE tenant_id = ?1 AND seen_at < ?2`)
      .bind(tenantId, identifierCutoff),
    db
      .prepare(`DELETE FROM audit_log WHERE tenant_id = ?1 AND at < ?2`)
      .bind(tenantId, cutoff(now, config.retention.auditDays)),
  ]);
  return {
    scrubbed,
    identities: identities?.meta.changes ?? 0,
    audit: audit?.meta.changes ?? 0,
    threads: touched.size,
  };
}

/**
 * Rebuild a thread's state from its scrubbed log. Its running counts stay as they were: metrics
 * describe what happened, and removing words later does not change that.
 */
async function reproject(
  env: Env,
  tenantId: string,
  threadId: string,
  policy: TenantConfig["policy"],
  stamp: string,
): Promise<void> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const stored = await loadThread(env.DB, tenantId, threadId);
    if (!stored) return;
    const events = await loadEvents(env.DB, tenantId, threadId, 0, 100_000);
    const rebuilt = project(
      threadId,
      events.map((e) => e.event),
      policy,
    );
    const state = { ...rebuilt, tally: stored.state.tally, rollout: stored.state.rollout };
    try {
      await new ThreadWrite(env.DB, tenantId, stamp)
        .saveThread(state, stored.version, stored)
        .commit();
      return;
    } catch {
      // A write landed meanwhile; read again and rebuild on top of it.
    }
  }
}
