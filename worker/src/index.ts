import { consumeAgentRuns } from "./agent/agent-queue";
import type { AgentRunMessage } from "./agent/agent-run-message";
import app from "./app";
import { consumeOutbox, setAsideUndelivered } from "./delivery/deliver";
import type { OutboxMessage } from "./delivery/outbox-message";
import type { Env } from "./env";
import { consumeIngest, setAsideExhausted } from "./ingest/consume";
import type { IngestMessage } from "./ingest/ingest-message";
import { retentionSweep, sweep } from "./scheduled";

export { ThreadSession } from "./agent/thread-session";
export { ZendeskWriteBudget } from "./integrations/zendesk/write-budget";

export default {
  fetch: app.fetch,
  async queue(batch: MessageBatch<unknown>, env: Env) {
    switch (batch.queue) {
      case "continuity-ingest":
        return consumeIngest(batch as MessageBatch<IngestMessage>, env);
      case "continuity-ingest-dlq":
        return setAsideExhausted(batch as MessageBatch<IngestMessage>, env);
      case "continuity-agent":
        return consumeAgentRuns(batch as MessageBatch<AgentRunMessage>, env);
      case "continuity-outbox":
        return consumeOutbox(batch as MessageBatch<OutboxMessage>, env);
      case "continuity-outbox-dlq":
        return setAsideUndelivered(batch as MessageBatch<OutboxMessage>, env);
    }
  },
  async scheduled(controller: ScheduledController, env: Env) {
    const now = new Date(controller.scheduledTime);
    await sweep(env, now);
    await retentionSweep(env, now);
  },
} satisfies ExportedHandler<Env>;
