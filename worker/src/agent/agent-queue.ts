import type { Env } from "../env";
import { backoffSeconds, DEFAULT_RETRY_BASE_SECONDS } from "../lib/retry-policy";
import { countRoundTrips } from "../store/round-trips";
import { agentRunMessage, type AgentRunMessage } from "./agent-run-message";
import { runAgent, type RunDeps } from "./run-agent";

/** An agent run a change owes, and what it was taken with when the change took it (see RunDeps). */
export interface OwedRun {
  tenantId: string;
  threadId: string;
  upTo: number;
  taken?: RunDeps["taken"];
}

/**
 * Run the agent on a thread now, where the change that owes the run was made (the ingest consumer,
 * once a conversation's messages of a queue batch are in): no queue hop, and messages that came
 * together are answered together. A run that cannot go now (another holds the thread, or it
 * failed) goes to the agent queue; if that send is lost too, the cron finds the run owed.
 */
export async function runNowOrQueue(env: Env, run: OwedRun): Promise<void> {
  const counted = countRoundTrips(env, "agent run");
  try {
    const result = await runAgent(counted.env, run.tenantId, run.threadId, {
      waitForLease: false,
      ...(run.taken && { taken: run.taken }),
    });
    if (result.kind === "ran") counted.done();
    if (result.kind !== "busy") return;
  } catch (error) {
    console.warn(
      JSON.stringify({
        msg: "agent run queued after failing in place",
        tenantId: run.tenantId,
        threadId: run.threadId,
        error: error instanceof Error ? error.message : "unknown",
      }),
    );
  }
  await env.AGENT_QUEUE.send(agentRunMessage(run.tenantId, run.threadId, run.upTo)).catch(
    () => undefined,
  );
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
