import { auditTrail } from "../domain/audit-trail";
import { attendanceActor, attendanceFact, type SessionAttendance } from "../domain/live-session";
import type { Env } from "../env";
import { loadThread, markLive } from "../store/threads";
import { loadTenant } from "../tenancy/tenants";
import { commitChange } from "./commit";
import { stateAfter } from "./state-after";

const ATTEMPTS = 5;

/**
 * Record that a connection joined or left a thread's live session: a fact in the thread's log and
 * an entry in its audit trail, in one change. Its key comes from the connection, so a retry after
 * a lost answer records it once.
 */
export async function recordAttendance(
  env: Env,
  tenantId: string,
  threadId: string,
  kind: "joined" | "left",
  who: SessionAttendance,
  at: string,
): Promise<void> {
  const tenant = await loadTenant(env, tenantId);
  if (!tenant) return;
  const fact = attendanceFact(kind, who, at);
  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    const read = await loadThread(env.DB, tenantId, threadId);
    if (!read) return;
    const next = await stateAfter(
      env.DB,
      tenantId,
      threadId,
      read,
      tenant.config.policy,
      read.state.openedAt,
    )([fact]);
    const outcome = await commitChange(env.DB, tenantId, {
      at,
      parts: [{ read, facts: [fact], state: next }],
      // From the first arrival on, the thread's changes wake its session (threads/commit).
      alongside: kind === "joined" ? [markLive(env.DB, tenantId, threadId, at)] : [],
      audit: auditTrail(read.state, next, [fact], at, attendanceActor(who)),
      outbox: [],
    });
    // A conflict is another writer on the thread: read again and append after it.
    if (outcome.kind !== "conflict") return;
  }
  throw new Error(`recording attendance on ${threadId} kept conflicting`);
}

/**
 * How the Worker hands a verified attach to the thread's Durable Object: the token's claims,
 * checked before the request goes on, in one header the outside world cannot reach the object with.
 */
export const ATTACH_HEADER = "x-continuity-attach";

export interface AttachClaims {
  tenantId: string;
  threadId: string;
  role: SessionAttendance["role"];
  participantId: string;
  label: string;
  /** Send the log from after this offset. */
  after: number;
}
