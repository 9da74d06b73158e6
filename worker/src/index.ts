import app from "./app";
import type { Env } from "./env";
import { consumeIngest, setAsideExhausted } from "./ingest/consume";
import type { IngestMessage } from "./ingest/ingest-message";

export default {
  fetch: app.fetch,
  async queue(batch: MessageBatch<unknown>, env: Env) {
    switch (batch.queue) {
      case "continuity-ingest":
        return consumeIngest(batch as MessageBatch<IngestMessage>, env);
      case "continuity-ingest-dlq":
        return setAsideExhausted(batch as MessageBatch<IngestMessage>, env);
    }
  },
} satisfies ExportedHandler<Env>;
