import type { AgentRunMessage } from "./agent/agent-run-message";
import type { OutboxMessage } from "./delivery/outbox-message";
import type { IngestMessage } from "./ingest/ingest-message";

/**
 * The Worker's bindings. wrangler.toml is their source: `wrangler types` writes them to
 * worker-configuration.d.ts (`npm run typecheck` fails when it is stale). Added here is what
 * wrangler.toml cannot say: what each queue carries, that Workers AI is absent locally, and the
 * secrets and settings.
 */
export type Env = Omit<Cloudflare.Env, "INGEST_QUEUE" | "AGENT_QUEUE" | "OUTBOX_QUEUE" | "AI"> &
  WorkerSettings & {
    INGEST_QUEUE: Queue<IngestMessage>;
    AGENT_QUEUE: Queue<AgentRunMessage>;
    OUTBOX_QUEUE: Queue<OutboxMessage>;
    /** Workers AI; absent in local runs and tests (no local simulation). */
    AI?: Ai;
  };

/** Secrets and settings: set with `wrangler secret put` or [vars], never in wrangler.toml's bindings. */
export interface WorkerSettings {
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
  /**
   * The global OAuth client's unique identifier and secret (Admin Center of the Zendesk account
   * that owns the client, docs/zendesk-setup.md). Without them "Connect" answers 503.
   */
  ZENDESK_CLIENT_ID?: string;
  ZENDESK_CLIENT_SECRET?: string;
  /**
   * Where a Zendesk account's API lives before its tenant exists, with `{subdomain}` in it
   * (default `https://{subdomain}.zendesk.com`); a self-hosted proxy or a stand-in sets another.
   */
  ZENDESK_ACCOUNT_URL?: string;
}
