import type { AgentRunMessage } from "./agent/agent-run-message";
import type { ThreadSession } from "./agent/thread-session";
import type { ZendeskWriteBudget } from "./delivery/write-budget";
import type { OutboxMessage } from "./delivery/outbox-message";
import type { IngestMessage } from "./ingest/ingest-message";

export interface Env {
  DB: D1Database;
  CACHE: KVNamespace;
  INGEST_QUEUE: Queue<IngestMessage>;
  AGENT_QUEUE: Queue<AgentRunMessage>;
  OUTBOX_QUEUE: Queue<OutboxMessage>;
  THREAD_SESSION: DurableObjectNamespace<ThreadSession>;
  ZENDESK_WRITE_BUDGET: DurableObjectNamespace<ZendeskWriteBudget>;
  /** Workers AI; absent in local runs and tests (no local simulation). */
  AI?: Ai;
  /** Bearer token for the admin API (Worker secret). */
  OPERATOR_TOKEN: string;
  /** Base64 of 32 random bytes: the root of every encryption and hashing key (Worker secret). */
  SECRETS_KEY: string;
  /** First retry delay for downstream outages, in seconds (default 2); tests use 0. */
  RETRY_BASE_SECONDS?: string;
  /** Seconds a claimed event may sit queued before it is queued again (default 180); tests use less. */
  INGEST_LEASE_SECONDS?: string;
  /** Set in benchmark and dev runs: count D1 round trips per contact and agent run (store/round-trips.ts). */
  COUNT_D1_ROUND_TRIPS?: string;
  /** Timeout for writes to vendors, in milliseconds (default 10000); tests use less. */
  OUTBOUND_TIMEOUT_MS?: string;
}
