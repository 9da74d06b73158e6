import type { MiddlewareHandler } from "hono";
import type { z } from "@hono/zod-openapi";
import type { ChannelEvent } from "../domain/channel-event";
import type { RawIdentifier } from "../domain/identifiers";
import type { IntegrationName } from "../domain/integration-name";
import type { KnowledgeLookup } from "../domain/knowledge/passage";
import type { Env } from "../env";
import type { AppBindings } from "../lib/types";
import type { TenantConfig } from "../tenancy/tenant-config";

/**
 * The interfaces the rest of the Worker sees of a vendor. Each vendor lives in one folder under
 * `integrations/` (its webhook schema, signature check, mapping, enrichment, HTTP client and
 * outbound writes) and is named in `registry.ts`; nothing outside its folder imports it directly.
 */

/** What one outbound write came to: done, try again (after the vendor's wait, if it gave one), or stop. */
export type WriteOutcome =
  | { kind: "done"; remoteId: string | null }
  | { kind: "retry_after"; reason: string; seconds?: number }
  | { kind: "give_up"; reason: string };

/** The events one verified request carries, and how many it held that Continuity does not act on. */
export interface InboundEvents {
  events: ChannelEvent[];
  ignored: number;
}

/** What a delivery leaves out, filled in before stitching. */
export interface Enriched {
  event: ChannelEvent;
  /** Identifiers a system of record holds for the sender (the ticket requester's profile). */
  requester: { raw: RawIdentifier; source: IntegrationName; verified?: boolean }[];
}

/** A sender of events: a webhook Continuity receives. */
export interface InboundChannel<Body = unknown> {
  /** The registry name; also `ChannelEvent.source` and the dedupe namespace in D1. */
  name: string;
  /** Route middleware: loads the tenant and checks the signature over the raw body, before any parse. */
  verify: MiddlewareHandler<AppBindings>;
  /** The body as the sender's contract reads it; throws a 422 naming the path at fault. */
  parse(body: unknown): Body;
  /** The body as ChannelEvents; throws a 422 when one of them is malformed. */
  map(body: Body, tenant: TenantConfig): InboundEvents;
  /** Schemas the OpenAPI document names, by component name. */
  documents?: Record<string, z.ZodType>;
  /**
   * Reads what the sender's delivery leaves out. `linkedAlready` answers whether the event's
   * ticket or session is on a thread; it is read only if asked.
   */
  enrich?(
    event: ChannelEvent,
    tenant: TenantConfig,
    linkedAlready: () => Promise<boolean>,
    deps: IntegrationDeps,
  ): Promise<Enriched>;
}

export interface Requester {
  id: string;
  name: string | null;
  locale: string | null;
  identifiers: (RawIdentifier & { verified: boolean })[];
}

/** What the agent may know of a ticket beyond the thread: useful, never decisive. */
export interface CaseDetails {
  priority: string | null;
  /** The next service-level target still to meet. */
  sla: { metric: string; breachAt: string } | null;
}

/** An internal note for the people on a ticket; its html carries `ctx-note:<key>` for each note. */
export interface InternalNote {
  html: string;
  tags: string[];
  customFields: { id: number; value: string }[];
}

export type WriteBudget = { granted: true } | { granted: false; waitMs: number };

/** Where tickets live and people read handoff notes. */
export interface TicketSystem {
  /** Its registry name, as reads from it are recorded (`<name>:ticket`). */
  name: string;
  /** Whether the tenant gave credentials: without them nothing is read and every write is refused. */
  configured: boolean;
  /** The requester and the emails and phones on their profile; null when there is no such user. */
  requester(requesterId: string): Promise<Requester | null>;
  caseDetails(ticketId: string): Promise<CaseDetails | null>;
  /**
   * The note keys among `keys` the ticket already holds, with the comment holding each: read
   * newest first until the note keyed `oldest` turns up or the comments run out. How a write whose
   * answer was lost is found before it is made again.
   */
  notesHeld(ticketId: string, keys: string[], oldest: string): Promise<Map<string, string>>;
  /** One internal note with its tags and fields, never over a change made since it was read. */
  writeNote(ticketId: string, note: InternalNote): Promise<WriteOutcome>;
  /** The id of a public comment with this text already on the ticket, if any. */
  commentHeld(ticketId: string, html: string): Promise<string | null>;
  writeComment(ticketId: string, html: string): Promise<WriteOutcome>;
  /** One write from the tenant's budget with this system, shared by every Worker instance. */
  takeWrite(): Promise<WriteBudget>;
}

/** Where a conversation with the customer goes on: replies, and passing it to a person. */
export interface MessagingProvider {
  /** The id of a message carrying `key` already in the conversation, if any. */
  messageHeld(conversationId: string, key: string): Promise<string | null>;
  postMessage(conversationId: string, text: string, key: string): Promise<WriteOutcome>;
  /** Hands the conversation to the agent workspace, with flat metadata about the thread. */
  passControl(
    conversationId: string,
    metadata: Record<string, string | number | boolean>,
  ): Promise<WriteOutcome>;
  /**
   * Takes the conversation back from the agent workspace when a person hands it back to the AI:
   * the provider's routing returns it to its first responder, Continuity.
   */
  releaseControl(
    conversationId: string,
    metadata: Record<string, string | number | boolean>,
  ): Promise<WriteOutcome>;
}

/**
 * Where the tenant's own help content lives (issue 15): searched by the customer's question and
 * language, it answers a few candidate passages, each scored, best first, with its article's link,
 * title, locale and freshness. Public content only: no customer data goes in or comes out. An
 * outage answers `unavailable`, never throws: the agent then leaves the question to a person.
 */
export interface KnowledgeSource {
  /** Its registry name, as audit entries record it (`tool.called` with `tool: <name>`). */
  name: string;
  /** `language` is the customer's ("es", "es-mx") or null when their words do not say. */
  search(question: string, language: string | null): Promise<KnowledgeLookup>;
}

export interface IntegrationDeps {
  env: Env;
  fetcher?: typeof fetch;
  /**
   * Keeps credentials an integration renewed itself (a lapsing OAuth token's new pair), sealed in
   * the tenant's settings. Without it an integration does not renew: the renewal would be lost.
   */
  keepCredentials?: AccountRecords["saveSettings"];
}

export type TicketSystemFactory = (tenant: TenantConfig, deps: IntegrationDeps) => TicketSystem;
export type KnowledgeSourceFactory = (
  tenant: TenantConfig,
  deps: IntegrationDeps,
) => KnowledgeSource | null;
export type MessagingProviderFactory = (
  tenant: TenantConfig,
  deps: IntegrationDeps,
) => MessagingProvider;

/**
 * What connecting a vendor account asks of the Worker's own records (`tenancy/accounts.ts`): the
 * OAuth round trips' nonces, the account's tenant and credentials, and the provisioning steps
 * done. An integration reaches D1 through this port only.
 */
export interface AccountRecords {
  /**
   * Records a round trip's nonce, unless the account already has `maxLive` live states of this
   * intent: then nothing is stored, and `retryAt` says when the oldest lapses.
   */
  issueState(
    row: OAuthNonce & { expiresAt: Date },
    now: Date,
    maxLive: number,
  ): Promise<{ issued: true } | { issued: false; retryAt: Date }>;
  /** Whether this nonce was issued for exactly this round trip and is used now, for the first time. */
  consumeState(row: OAuthNonce, now: Date): Promise<boolean>;
  /**
   * Records why a used round trip ended without what it was for (an error code), for the app
   * waiting on it to say so rather than wait on.
   */
  refuseState(nonce: string, code: string): Promise<void>;
  /** The account's tenant, created as the operator API creates tenants when there is none. */
  tenantFor(subdomain: string, now: Date): Promise<{ tenantId: string; created: boolean }>;
  findTenant(subdomain: string): Promise<{ tenantId: string; config: TenantConfig } | null>;
  /**
   * Merges credentials and settings into one section of the tenant's settings; credentials are
   * sealed, and a null value removes the setting.
   */
  saveSettings(tenantId: string, section: string, values: Record<string, unknown>): Promise<void>;
  /** A new app secret for the tenant (the old one stops working), answered this once. */
  issueAppSecret(tenantId: string, now: Date): Promise<string>;
  steps(tenantId: string, integration: string): Promise<Map<string, unknown>>;
  recordStep(
    tenantId: string,
    integration: string,
    step: string,
    result: unknown,
    now: Date,
  ): Promise<void>;
  forgetSteps(tenantId: string, integration: string): Promise<void>;
  /**
   * Records that the admin who approved this round trip (its nonce) may use the setup API, for the
   * app holding the round trip's state to collect once (docs/decisions.md, "The setup page").
   */
  openAdminSession(
    row: { nonce: string; tenantId: string; userId: string },
    now: Date,
  ): Promise<void>;
  /** Ends every admin session of the tenant (Disconnect). */
  endAdminSessions(tenantId: string): Promise<void>;
}

export interface OAuthNonce {
  nonce: string;
  subdomain: string;
  installationId: string;
  intent: string;
}
