import { DATA_CLASSES, factTypesOf, scrubFact, type DataClass } from "../domain/retention";
import type { ThreadEvent } from "../domain/thread-events";
import { project } from "../domain/thread-state";
import type { Env } from "../env";
import { expireRecordsPastRetention } from "../store/retention";
import { factsToScrub, loadEvents, loadThread, scrubFacts } from "../store/threads";
import { commitChange } from "../threads/commit";
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
    const facts = await factsToScrub(
      db,
      tenantId,
      types,
      cutoff(now, config.retention[WINDOW[dataClass]]),
      BATCH,
    );
    if (facts.length === 0) continue;
    await scrubFacts(
      db,
      tenantId,
      facts.map((f) => ({
        ...f,
        data: JSON.stringify(scrubFact(JSON.parse(f.data) as ThreadEvent)),
      })),
      stamp,
    );
    scrubbed[dataClass] = facts.length;
    for (const f of facts) touched.add(f.threadId);
  }
  for (const threadId of touched) await reproject(env, tenantId, threadId, config.policy, stamp);

  const { identities, audit } = await expireRecordsPastRetention(db, tenantId, {
    identifiersBefore: cutoff(now, config.retention.identifiersDays),
    auditBefore: cutoff(now, config.retention.auditDays),
    messagesBefore: cutoff(now, config.retention.messagesDays),
  });
  return { scrubbed, identities, audit, threads: touched.size };
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
    // No facts: the row keeps its version, guarded by the one it was read at.
    const outcome = await commitChange(env.DB, tenantId, {
      at: stamp,
      parts: [{ read: stored, facts: [], state }],
      audit: [],
      outbox: [],
    }).catch(() => null);
    if (outcome?.kind === "committed") return;
    // A write landed meanwhile; read again and rebuild on top of it.
  }
}
