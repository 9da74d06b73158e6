import {
  appliesInOrder,
  applyEvents,
  emptyThread,
  project,
  type ThreadState,
} from "../domain/thread-state";
import type { IdentityPolicy } from "../domain/identity-level";
import type { ThreadEvent } from "../domain/thread-events";
import { loadEvents, type StoredThread } from "../store/threads";

/**
 * How facts change a thread as it was read. Facts that come after everything it holds fold onto
 * its state; a late one means replaying the whole log in event-time order, and the log is read
 * once however many times the caller asks (the agent asks again after adding its handoff note).
 */
export function stateAfter(
  db: D1Database,
  tenantId: string,
  threadId: string,
  read: StoredThread | null,
  policy: IdentityPolicy,
  openedAt: string,
): (facts: ThreadEvent[]) => Promise<ThreadState> {
  let log: Promise<ThreadEvent[]> | null = null;
  const history = () =>
    (log ??= loadEvents(db, tenantId, threadId, 0, 100_000).then((rows) =>
      rows.map((r) => r.event),
    ));
  return async (facts) => {
    if (!read) return applyEvents(emptyThread(threadId, openedAt), facts, policy);
    if (appliesInOrder(read.state, facts)) return applyEvents(read.state, facts, policy);
    return project(threadId, [...(await history()), ...facts], policy);
  };
}
