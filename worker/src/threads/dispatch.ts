import { sessionFor } from "./session-stub";
import { agentRunMessage } from "../agent/agent-run-message";
import { outboxMessage } from "../delivery/outbox-message";
import type { Env } from "../env";

/** What a committed change asks the queues to do next. */
export interface Dispatch {
  tenantId: string;
  /** Outbox rows written with the facts. */
  outbox: string[];
  /** The agent run the facts owe, if any. */
  agentRun: { threadId: string; upTo: number } | null;
  /** The threads the change appended to that have live sessions: they send what is new. */
  threads: string[];
}

/**
 * Send what a committed change owes to the queues. A lost send loses nothing: the rows are already
 * in the outbox and agent_runs, and the cron queues whatever is overdue.
 */
export async function dispatch(
  queues: Pick<Env, "OUTBOX_QUEUE" | "AGENT_QUEUE" | "THREAD_SESSION">,
  work: Dispatch,
): Promise<void> {
  const sends: Promise<unknown>[] = [];
  if (work.outbox.length > 0)
    sends.push(
      queues.OUTBOX_QUEUE.sendBatch(
        work.outbox.map((id) => ({ body: outboxMessage(work.tenantId, id) })),
      ),
    );
  if (work.agentRun)
    sends.push(
      queues.AGENT_QUEUE.send(
        agentRunMessage(work.tenantId, work.agentRun.threadId, work.agentRun.upTo),
      ),
    );
  // A session that misses this wake-up sends the facts with the next one: it reads the log itself.
  for (const threadId of work.threads)
    sends.push(sessionFor(queues, work.tenantId, threadId).committed());
  await Promise.all(sends.map((send) => send.catch(() => undefined)));
}
