import type { Env } from "../env";
import { backoffSeconds, DEFAULT_RETRY_BASE_SECONDS } from "../lib/retry-policy";
import { countRoundTrips } from "../store/round-trips";
import type { AgentRunMessage } from "./agent-run-message";
import { runAgent } from "./run-agent";

/** The thread's Durable Object: its live session. */
export function sessionFor(env: Pick<Env, "THREAD_SESSION">, tenantId: string, threadId: string) {
  return env.THREAD_SESSION.get(env.THREAD_SESSION.idFromName(`${tenantId}:${threadId}`));
}

/**
 * Agent runs, one at a time per thread (each holds its thread's lease, see runAgent). A failed
 * run is retried by the queue, never dropped; so is one that found another run holding its thread
 * all the while, which may have read the thread before this message's facts.
 */
export async function consumeAgentRuns(
  batch: MessageBatch<AgentRunMessage>,
  env: Env,
): Promise<void> {
  await Promise.all(
    batch.messages.map(async (message) => {
      const { tenantId, threadId } = message.body;
      const counted = countRoundTrips(env, "agent run");
      try {
        const result = await runAgent(counted.env, tenantId, threadId);
        if (result.kind === "ran") counted.done();
        if (result.kind === "busy") message.retry({ delaySeconds: 1 });
        else message.ack();
      } catch (error) {
        console.error(
          JSON.stringify({
            msg: "agent run failed",
            tenantId,
            threadId,
            attempt: message.attempts,
            error: error instanceof Error ? error.message : "unknown",
          }),
        );
        // Agent runs back off from 2 s whatever RETRY_BASE_SECONDS says.
        message.retry({
          delaySeconds: backoffSeconds(message.attempts, {
            baseSeconds: DEFAULT_RETRY_BASE_SECONDS,
          }),
        });
      }
    }),
  );
}
