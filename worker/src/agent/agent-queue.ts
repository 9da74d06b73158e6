import type { Env } from "../env";
import { backoffSeconds, DEFAULT_RETRY_BASE_SECONDS } from "../lib/retry-policy";
import type { AgentRunMessage } from "./agent-run-message";

/** The thread's Durable Object: its agent runs and its live session. */
export function sessionFor(env: Pick<Env, "THREAD_SESSION">, tenantId: string, threadId: string) {
  return env.THREAD_SESSION.get(env.THREAD_SESSION.idFromName(`${tenantId}:${threadId}`));
}

/** Agent runs, one Durable Object per thread. A failed run is retried by the queue, never dropped. */
export async function consumeAgentRuns(
  batch: MessageBatch<AgentRunMessage>,
  env: Env,
): Promise<void> {
  await Promise.all(
    batch.messages.map(async (message) => {
      const { tenantId, threadId, upTo } = message.body;
      try {
        await sessionFor(env, tenantId, threadId).run(tenantId, threadId, upTo);
        message.ack();
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
