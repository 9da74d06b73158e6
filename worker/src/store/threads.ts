import { placeholders, unionOfSeeks } from "./seeks";
import { rollupStatements } from "./metric-rollups";
import { contributionDelta } from "../domain/metrics/contributions";
import type { ThreadLink } from "../domain/channel-event";
import type { ThreadSummary } from "../domain/stitching";
import type { ThreadEvent } from "../domain/thread-events";
import { reviveState, summarize, threadStatus, type ThreadState } from "../domain/thread-state";

export interface LinkRow {
  kind: ThreadLink["kind"];
  externalId: string;
  threadId: string;
  contactId: string;
  channel: string;
}

export interface StoredThread {
  state: ThreadState;
  version: number;
  /**
   * Someone has attached to the thread's live session (threads.live_since), read with the version:
   * a change written against this read wakes the session only then. Unknown (absent) wakes it.
   */
  live?: boolean;
}

export interface StoredEvent {
  offset: number;
  event: ThreadEvent;
  recordedAt: string;
}

export interface LinkedThread extends LinkRow, StoredThread {}

export const linkedThreadsSql = (count: number) =>
  unionOfSeeks(
    `SELECT l.kind, l.external_id, l.thread_id, l.contact_id, l.channel, t.state, t.version,
       t.live_since IS NOT NULL AS live
     FROM thread_links l JOIN threads t ON t.tenant_id = l.tenant_id AND t.id = l.thread_id`,
    ["l.kind", "l.external_id"],
    "",
    count,
    "l.tenant_id",
  );

/** The threads these sessions or tickets are linked to, with their state, in one read. */
export async function findLinkedThreads(
  db: D1Database,
  tenantId: string,
  links: ThreadLink[],
): Promise<LinkedThread[]> {
  if (links.length === 0) return [];
  const { results } = await linkedThreadsStatement(db, tenantId, links).all<LinkedThreadRow>();
  return linkedThreadsOf(results);
}

export interface LinkedThreadRow {
  kind: ThreadLink["kind"];
  external_id: string;
  thread_id: string;
  contact_id: string;
  channel: string;
  state: string;
  version: number;
  live: number;
}

/** The read behind findLinkedThreads, to batch with other reads (at least one link). */
export function linkedThreadsStatement(
  db: D1Database,
  tenantId: string,
  links: ThreadLink[],
): D1PreparedStatement {
  return db
    .prepare(linkedThreadsSql(links.length))
    .bind(tenantId, ...links.flatMap((l) => [l.kind, l.id]));
}

export function linkedThreadsOf(rows: LinkedThreadRow[]): LinkedThread[] {
  return rows.map((r) => ({
    kind: r.kind,
    externalId: r.external_id,
    threadId: r.thread_id,
    contactId: r.contact_id,
    channel: r.channel,
    state: reviveState(JSON.parse(r.state) as ThreadState),
    version: r.version,
    live: r.live === 1,
  }));
}

/** Several threads of one tenant by id, for a glance at each (candidates); unknown ids are absent. */
export async function loadThreads(
  db: D1Database,
  tenantId: string,
  threadIds: string[],
): Promise<Map<string, ThreadState>> {
  if (threadIds.length === 0) return new Map();
  const marks = threadIds.map((_, i) => `?${i + 2}`).join(", ");
  const { results } = await db
    .prepare(`SELECT id, state FROM threads WHERE tenant_id = ?1 AND id IN (${marks})`)
    .bind(tenantId, ...threadIds)
    .all<{ id: string; state: string }>();
  return new Map(results.map((r) => [r.id, reviveState(JSON.parse(r.state) as ThreadState)]));
}

export async function loadThread(
  db: D1Database,
  tenantId: string,
  threadId: string,
): Promise<StoredThread | null> {
  const row = await db
    .prepare(
      `SELECT state, version, live_since IS NOT NULL AS live FROM threads WHERE tenant_id = ?1 AND id = ?2`,
    )
    .bind(tenantId, threadId)
    .first<{ state: string; version: number; live: number }>();
  return row
    ? {
        state: reviveState(JSON.parse(row.state) as ThreadState),
        version: row.version,
        live: row.live === 1,
      }
    : null;
}

export interface CustomerThreads {
  threads: (ThreadSummary & { load: () => StoredThread })[];
  /** The version of the first customer, for the open-thread guard; 0 before it is stored. */
  version: number;
}

/**
 * Recent threads of these customers, newest first, in the shape stitching compares, and the first
 * customer's version, in one round trip. States are parsed only for the thread chosen.
 */
export async function customerThreads(
  db: D1Database,
  tenantId: string,
  customerIds: string[],
  limit = 50,
): Promise<CustomerThreads> {
  if (customerIds.length === 0) return { threads: [], version: 0 };
  const placeholders = customerIds.map((_, i) => `?${i + 2}`).join(", ");
  const [threads, version] = await db.batch<Record<string, unknown>>([
    db
      .prepare(
        `SELECT id, customer_id, status, last_event_at, refs, state, version,
           live_since IS NOT NULL AS live FROM threads
         WHERE tenant_id = ?1 AND customer_id IN (${placeholders}) AND status <> 'merged' ORDER BY last_event_at DESC LIMIT ${limit}`,
      )
      .bind(tenantId, ...customerIds),
    db
      .prepare(`SELECT version FROM customers WHERE tenant_id = ?1 AND id = ?2`)
      .bind(tenantId, customerIds[0]),
  ]);
  const rows = (threads?.results ?? []) as {
    id: string;
    customer_id: string;
    status: ThreadSummary["status"];
    last_event_at: string;
    refs: string;
    state: string;
    version: number;
    live: number;
  }[];
  return {
    threads: rows.map((r) => {
      const refs = JSON.parse(r.refs) as { orderIds?: string[]; artifactHashes?: string[] };
      return {
        id: r.id,
        customerId: r.customer_id,
        status: r.status,
        lastEventAt: r.last_event_at,
        orderIds: refs.orderIds ?? [],
        artifactHashes: refs.artifactHashes ?? [],
        load: () => ({
          state: reviveState(JSON.parse(r.state) as ThreadState),
          version: r.version,
          live: r.live === 1,
        }),
      };
    }),
    version: (version?.results?.[0] as { version?: number } | undefined)?.version ?? 0,
  };
}

export async function loadEvents(
  db: D1Database,
  tenantId: string,
  threadId: string,
  after = 0,
  limit = 1000,
): Promise<StoredEvent[]> {
  const { results } = await db
    .prepare(
      `SELECT seq, data, recorded_at FROM thread_events WHERE tenant_id = ?1 AND thread_id = ?2 AND seq > ?3 ORDER BY seq LIMIT ?4`,
    )
    .bind(tenantId, threadId, after, limit)
    .all<{ seq: number; data: string; recorded_at: string }>();
  return results.map((r) => ({
    offset: r.seq,
    event: JSON.parse(r.data) as ThreadEvent,
    recordedAt: r.recorded_at,
  }));
}

/**
 * What an agent run reads before it decides, in one round trip: its lease on the thread's runs
 * (taken first, so nothing is read for a run that may not go on), the thread, and the facts after
 * its agent's marker (`state.agent.processedOffset`).
 */
export async function threadForRun(
  db: D1Database,
  tenantId: string,
  threadId: string,
  lease: D1PreparedStatement,
  limit = 1000,
): Promise<
  | { held: false }
  | { held: true; read: { stored: StoredThread; unprocessed: StoredEvent[] } | null }
> {
  const [leased, thread, events] = await db.batch<Record<string, unknown>>([
    lease,
    db
      .prepare(
        `SELECT state, version, live_since IS NOT NULL AS live FROM threads WHERE tenant_id = ?1 AND id = ?2`,
      )
      .bind(tenantId, threadId),
    db
      .prepare(
        `SELECT seq, data, recorded_at FROM thread_events WHERE tenant_id = ?1 AND thread_id = ?2
           AND seq > COALESCE((SELECT json_extract(state, '$.agent.processedOffset') FROM threads
                               WHERE tenant_id = ?1 AND id = ?2), 0)
         ORDER BY seq LIMIT ?3`,
      )
      .bind(tenantId, threadId, limit),
  ]);
  if ((leased?.results.length ?? 0) === 0) return { held: false };
  const row = thread?.results?.[0] as { state: string; version: number; live: number } | undefined;
  if (!row) return { held: true, read: null };
  const rows = (events?.results ?? []) as { seq: number; data: string; recorded_at: string }[];
  return {
    held: true,
    read: {
      stored: {
        state: reviveState(JSON.parse(row.state) as ThreadState),
        version: row.version,
        live: row.live === 1,
      },
      unprocessed: rows.map((r) => ({
        offset: r.seq,
        event: JSON.parse(r.data) as ThreadEvent,
        recordedAt: r.recorded_at,
      })),
    },
  };
}

/** Marks the thread as having a live session: from now on its changes wake it. */
export function markLive(
  db: D1Database,
  tenantId: string,
  threadId: string,
  at: string,
): D1PreparedStatement {
  return db
    .prepare(
      `UPDATE threads SET live_since = COALESCE(live_since, ?3) WHERE tenant_id = ?1 AND id = ?2`,
    )
    .bind(tenantId, threadId, at);
}

/** Statements for one write to a thread. Run them in one batch: all land or none do. */
export class ThreadWrite {
  readonly statements: D1PreparedStatement[] = [];
  constructor(
    private readonly db: D1Database,
    private readonly tenantId: string,
    private readonly now: string,
  ) {}

  /** Abort the batch unless the customer is still at `version`, then move it on. */
  guardCustomer(customerId: string, version: number): this {
    this.statements.push(
      this.db
        .prepare(
          `INSERT INTO cas_guard (expected, actual) VALUES (?1, COALESCE((SELECT version FROM customers WHERE tenant_id = ?2 AND id = ?3), 0))`,
        )
        .bind(version, this.tenantId, customerId),
      this.db
        .prepare(`UPDATE customers SET version = version + 1 WHERE tenant_id = ?1 AND id = ?2`)
        .bind(this.tenantId, customerId),
    );
    return this;
  }

  /**
   * Insert or update the thread row so that it holds `state` at `version`, given it held
   * `previous` (null for a new thread), and move the metric rollups by what changed.
   */
  saveThread(
    state: ThreadState,
    version: number,
    previous: { state: ThreadState; version: number } | null,
  ): this {
    const expected = previous?.version ?? null;
    this.statements.push(
      ...rollupStatements(
        this.db,
        this.tenantId,
        contributionDelta(previous?.state ?? null, state),
      ),
    );
    const summary = summarize(state);
    const refs = JSON.stringify({
      orderIds: summary.orderIds,
      artifactHashes: summary.artifactHashes,
    });
    // ?1…?11, in the same order for the insert and the update.
    const row = [
      this.tenantId,
      state.id,
      state.customerId,
      state.mergedInto ? "merged" : threadStatus(state),
      state.control,
      version,
      JSON.stringify(state),
      refs,
      state.openedAt,
      state.lastEventAt,
      this.now,
    ];
    if (expected === null) {
      this.statements.push(
        this.db
          .prepare(
            `INSERT INTO threads (tenant_id, id, customer_id, status, control, version, state, refs, opened_at, last_event_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)`,
          )
          .bind(...row),
      );
    } else {
      this.statements.push(
        this.db
          .prepare(
            `INSERT INTO cas_guard (expected, actual) VALUES (?1, (SELECT version FROM threads WHERE tenant_id = ?2 AND id = ?3))`,
          )
          .bind(expected, this.tenantId, state.id),
        this.db
          .prepare(
            `UPDATE threads SET customer_id = ?3, status = ?4, control = ?5, version = ?6, state = ?7, refs = ?8, opened_at = ?9,
               last_event_at = ?10, updated_at = ?11 WHERE tenant_id = ?1 AND id = ?2`,
          )
          .bind(...row),
      );
    }
    return this;
  }

  appendEvents(threadId: string, firstOffset: number, events: ThreadEvent[]): this {
    events.forEach((event, i) => {
      this.statements.push(
        this.db
          .prepare(
            `INSERT INTO thread_events (tenant_id, thread_id, seq, event_key, type, occurred_at, recorded_at, data)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)`,
          )
          .bind(
            this.tenantId,
            threadId,
            firstOffset + i,
            event.key,
            event.type,
            event.at,
            this.now,
            JSON.stringify(event),
          ),
      );
    });
    return this;
  }

  add(...statements: D1PreparedStatement[]): this {
    this.statements.push(...statements);
    return this;
  }

  /** Run the statements in one batch; answers each statement's result, in order. */
  async commit(): Promise<D1Result<Record<string, unknown>>[]> {
    return this.db.batch<Record<string, unknown>>(this.statements);
  }
}

export type WriteFailure = "duplicate_fact" | "conflict" | "other";

/** Why a thread write failed: a fact's key already stored, a lost race, or something else. */
export function classifyWriteError(error: unknown): WriteFailure {
  const message =
    error instanceof Error
      ? `${error.message} ${String((error as { cause?: unknown }).cause ?? "")}`
      : String(error);
  if (/thread_events\.event_key/.test(message)) return "duplicate_fact";
  if (/cas_conflict|UNIQUE constraint failed/.test(message)) return "conflict";
  return "other";
}

/** Whether any of these facts is already in the thread's log. */
export async function anyRecorded(
  db: D1Database,
  tenantId: string,
  threadId: string,
  keys: string[],
): Promise<boolean> {
  if (keys.length === 0) return false;
  const placeholders = keys.map((_, i) => `?${i + 3}`).join(", ");
  const row = await db
    .prepare(
      `SELECT 1 AS found FROM thread_events WHERE tenant_id = ?1 AND thread_id = ?2 AND event_key IN (${placeholders}) LIMIT 1`,
    )
    .bind(tenantId, threadId, ...keys)
    .first<{ found: number }>();
  return row !== null;
}

/** A contact's sessions and tickets, linked to its thread (in the thread's write). */
export function linkStatements(
  db: D1Database,
  tenantId: string,
  now: string,
  link: { threadId: string; contactId: string; channel: string },
  links: ThreadLink[],
): D1PreparedStatement[] {
  return links.map((l) =>
    db
      .prepare(
        `INSERT INTO thread_links (tenant_id, kind, external_id, thread_id, contact_id, channel, linked_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)`,
      )
      .bind(tenantId, l.kind, l.id, link.threadId, link.contactId, link.channel, now),
  );
}

/** Point a thread's links (all, or only these contacts') at another thread, in a thread write. */
export function repointLinks(
  db: D1Database,
  tenantId: string,
  from: string,
  to: string,
  contactIds: string[] | null,
): D1PreparedStatement {
  if (contactIds === null)
    return db
      .prepare(`UPDATE thread_links SET thread_id = ?3 WHERE tenant_id = ?1 AND thread_id = ?2`)
      .bind(tenantId, from, to);
  return db
    .prepare(
      `UPDATE thread_links SET thread_id = ?3 WHERE tenant_id = ?1 AND thread_id = ?2 AND contact_id IN (${placeholders(contactIds.length, 4)})`,
    )
    .bind(tenantId, from, to, ...contactIds);
}

/** Threads of these customers, and threads any of these hashed identifiers appeared on. */
export async function threadsOfCustomersOrIdentifiers(
  db: D1Database,
  tenantId: string,
  customers: string[],
  hashes: string[],
): Promise<string[]> {
  const { results } = await db
    .prepare(
      `SELECT id FROM threads WHERE tenant_id = ?1 AND (customer_id IN (${placeholders(customers.length, 2)})
           OR id IN (SELECT thread_id FROM identifier_threads WHERE tenant_id = ?1 AND hash IN (${placeholders(hashes.length, customers.length + 2)})))`,
    )
    .bind(tenantId, ...customers, ...hashes)
    .all<{ id: string }>();
  return results.map((r) => r.id);
}

/** The tickets and sessions linked to these threads. */
export async function linksOfThreads(
  db: D1Database,
  tenantId: string,
  threadIds: string[],
): Promise<{ kind: ThreadLink["kind"]; external_id: string }[]> {
  const { results } = await db
    .prepare(
      `SELECT kind, external_id FROM thread_links WHERE tenant_id = ?1 AND thread_id IN (${placeholders(threadIds.length, 2)})`,
    )
    .bind(tenantId, ...threadIds)
    .all<{ kind: ThreadLink["kind"]; external_id: string }>();
  return results;
}

export interface FactToScrub {
  threadId: string;
  seq: number;
  data: string;
}

/** Up to `limit` facts of these types that occurred before `before` and still hold their content. */
export async function factsToScrub(
  db: D1Database,
  tenantId: string,
  types: string[],
  before: string,
  limit: number,
): Promise<FactToScrub[]> {
  const { results } = await db
    .prepare(
      `SELECT thread_id, seq, data FROM thread_events
         WHERE tenant_id = ?1 AND type IN (${types.map((_, i) => `?${i + 3}`).join(", ")})
           AND occurred_at < ?2 AND scrubbed_at IS NULL
         LIMIT ${limit}`,
    )
    .bind(tenantId, before, ...types)
    .all<{ thread_id: string; seq: number; data: string }>();
  return results.map((r) => ({ threadId: r.thread_id, seq: r.seq, data: r.data }));
}

/** Replace these facts' content with their scrubbed form, in one batch; the log keeps its shape. */
export async function scrubFacts(
  db: D1Database,
  tenantId: string,
  facts: FactToScrub[],
  stamp: string,
): Promise<void> {
  await db.batch(
    facts.map((f) =>
      db
        .prepare(
          `UPDATE thread_events SET data = ?4, scrubbed_at = ?5 WHERE tenant_id = ?1 AND thread_id = ?2 AND seq = ?3`,
        )
        .bind(tenantId, f.threadId, f.seq, f.data, stamp),
    ),
  );
}
