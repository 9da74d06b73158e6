import type { OutboxRowInput } from "../delivery/notes";
import type { ThreadEvent } from "../domain/thread-events";
import type { ThreadState } from "../domain/thread-state";
import { completeAgentRun, requestAgentRun } from "../store/agent-runs";
import { auditStatements, type AuditEntry } from "../store/audit";
import { enqueueOutbox } from "../store/outbox";
import { classifyWriteError, ThreadWrite, type StoredThread } from "../store/threads";
import type { Dispatch } from "./dispatch";

/** One thread's part of a change: the facts appended to it and the state they lead to. */
export interface ThreadPart {
  /** The thread as it was read; null when this change opens it. */
  read: StoredThread | null;
  facts: ThreadEvent[];
  state: ThreadState;
}

/** Everything one change writes, in one batch that lands whole or not at all. */
export interface ThreadChange {
  at: string;
  /** The threads written; the first is the one an agent run is asked for or completed on. */
  parts: ThreadPart[];
  /** Rows a guard reads, so they go first (the customer an opening thread is guarded by). */
  leading?: D1PreparedStatement[];
  /** Opening a thread for a customer moves their version on, so a racing contact re-decides. */
  customerGuard?: { customerId: string; version: number } | null;
  /** Rows that land with the facts: links, identities, a delivery's settlement. */
  alongside?: D1PreparedStatement[];
  audit: AuditEntry[];
  /** Sealed outbox rows (notes, replies) the change owes. */
  outbox: OutboxRowInput[];
  /** The facts owe an agent run on the first thread covering its log up to here. */
  agentRunUpTo?: number | null;
  /** Take that run for this holder too, if no other run holds the thread (see requestAgentRun). */
  agentRunLease?: { holder: string; until: string } | null;
  /** An agent run on the first thread is done up to here, and gives back its lease. */
  runCompleted?: { upTo: number; lease: string } | null;
}

export type CommitOutcome =
  /** `runLeased`: the agent run the change owes was taken for `agentRunLease`'s holder. */
  | { kind: "committed"; dispatch: Dispatch; runLeased: boolean }
  /** A thread or customer moved since it was read: read again and decide again. */
  | { kind: "conflict" }
  /** A fact's key is already in the log: this change, or one sharing a fact, was recorded. */
  | { kind: "duplicate_fact" };

/** The version a thread row holds after its part: one more per fact. */
export const versionAfter = (part: ThreadPart) => (part.read?.version ?? 0) + part.facts.length;

function statementsOf(db: D1Database, tenantId: string, change: ThreadChange): ThreadWrite {
  const write = new ThreadWrite(db, tenantId, change.at).add(...(change.leading ?? []));
  if (change.customerGuard)
    write.guardCustomer(change.customerGuard.customerId, change.customerGuard.version);
  for (const part of change.parts)
    write
      .appendEvents(part.state.id, (part.read?.version ?? 0) + 1, part.facts)
      .saveThread(part.state, versionAfter(part), part.read);
  const threadId = change.parts[0]!.state.id;
  write
    .add(...(change.alongside ?? []))
    .add(...auditStatements(db, tenantId, change.audit))
    .add(...enqueueOutbox(db, tenantId, change.outbox, change.at));
  if (change.agentRunUpTo != null)
    write.add(
      requestAgentRun(
        db,
        tenantId,
        threadId,
        change.agentRunUpTo,
        change.at,
        change.agentRunLease ?? null,
      ),
    );
  if (change.runCompleted)
    write.add(
      completeAgentRun(db, tenantId, threadId, change.runCompleted.upTo, change.runCompleted.lease),
    );
  return write;
}

/**
 * Write one change with compare-and-set: every thread is guarded by the version it was read at,
 * and a fact already stored is refused by its key. What the change owes the queues comes back to
 * be sent once it has landed (see dispatch).
 */
export async function commitChange(
  db: D1Database,
  tenantId: string,
  change: ThreadChange,
): Promise<CommitOutcome> {
  let results: D1Result<Record<string, unknown>>[];
  const write = statementsOf(db, tenantId, change);
  try {
    results = await write.commit();
  } catch (error) {
    const failure = classifyWriteError(error);
    if (failure === "other") throw error;
    return { kind: failure };
  }
  const holder = change.agentRunLease?.holder;
  const first = change.parts[0]!.state.id;
  return {
    kind: "committed",
    runLeased:
      holder !== undefined &&
      results.some((r) => r.results?.some((row) => row.leased_by === holder)),
    dispatch: {
      tenantId,
      outbox: change.outbox.map((row) => row.id),
      agentRun: change.agentRunUpTo != null ? { threadId: first, upTo: change.agentRunUpTo } : null,
      // Only a thread someone has attached to has a session to wake. A thread this change opened
      // has none: attaching needs the thread to exist, and an attach replays the log itself. Nor
      // has one read as never attached: an attach records its arrival (a fact) first, so a change
      // read before that conflicts and reads again. Waking either would only create its Durable
      // Object.
      threads: change.parts
        .filter((part) => part.facts.length > 0 && part.read !== null && part.read.live !== false)
        .map((part) => part.state.id),
    },
  };
}
