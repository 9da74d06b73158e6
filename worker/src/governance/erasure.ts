import type { ThreadLink } from "../domain/channel-event";
import { normalizeIdentifier, type RawIdentifier } from "../domain/identifiers";
import type { Env } from "../env";
import { identityHash } from "../security/identity-hash";
import { identityKey } from "../security/keys";
import { toBase64Url, utf8 } from "../security/encoding";
import { unionOfSeeks } from "../store/seeks";

export interface ErasureReport {
  requestId: string;
  identifier: { type: string; masked: string };
  customers: number;
  threads: number;
  removed: Record<string, number>;
  anonymised: Record<string, number>;
  cacheEntries: number;
  tombstones: number;
}

/** Keyed hash of a ticket or session id, so a tombstone can match a late event about it. */
export async function linkHash(key: CryptoKey, link: ThreadLink): Promise<string> {
  return toBase64Url(await crypto.subtle.sign("HMAC", key, utf8(`link:${link.kind}:${link.id}`)));
}

/** Whether anything a late event carries belongs to an erased customer. */
export async function isErased(
  db: D1Database,
  tenantId: string,
  marks: { kind: string; hash: string }[],
): Promise<boolean> {
  if (marks.length === 0) return false;
  const row = await db
    .prepare(
      `${unionOfSeeks("SELECT 1 AS found FROM erasure_tombstones", ["kind", "hash"], "", marks.length)} LIMIT 1`,
    )
    .bind(tenantId, ...marks.flatMap((m) => [m.kind, m.hash]))
    .first<{ found: number }>();
  return row !== null;
}

async function all<T>(statement: D1PreparedStatement): Promise<T[]> {
  return (await statement.all<T>()).results;
}

function placeholders(count: number, from: number): string {
  return Array.from({ length: count }, (_, i) => `?${i + from}`).join(", ") || "NULL";
}

/**
 * Erase a customer found by any one identifier: every identity, thread, fact, link, outbox row,
 * delivery record and cache entry of theirs is removed, audit entries are anonymised, and
 * tombstones stop a late webhook from bringing them back. The report says what went.
 */
export async function eraseCustomer(
  env: Env,
  tenantId: string,
  raw: RawIdentifier,
  requestId: string,
  now: string,
): Promise<ErasureReport | { invalid: string } | { shared: number }> {
  const normalized = normalizeIdentifier(raw);
  if (!normalized.ok) return { invalid: `identifier ${normalized.reason}` };
  const db = env.DB;
  const key = await identityKey(env.SECRETS_KEY, tenantId);
  const asked = {
    kind: normalized.identifier.kind,
    hash: await identityHash(key, normalized.identifier),
  };

  // Who: the customers the identifier belongs to, and every identifier of theirs.
  const owners = await all<{ customer_id: string }>(
    db
      .prepare(
        `SELECT customer_id FROM identities WHERE tenant_id = ?1 AND kind = ?2 AND hash = ?3`,
      )
      .bind(tenantId, asked.kind, asked.hash),
  );
  const customers = [...new Set(owners.map((o) => o.customer_id))];
  // A family email names several people: erasing by it would erase them all. Ask for one of theirs.
  if (customers.length > 1) return { shared: customers.length };
  const identities = customers.length
    ? await all<{ kind: string; hash: string; customer_id: string }>(
        db
          .prepare(
            `SELECT kind, hash, customer_id FROM identities WHERE tenant_id = ?1 AND customer_id IN (${placeholders(customers.length, 2)})`,
          )
          .bind(tenantId, ...customers),
      )
    : [];
  // Shared identifiers (a family email) also belong to someone else: they are not tombstoned.
  const sharedWithOthers = identities.length
    ? await all<{ kind: string; hash: string }>(
        db
          .prepare(
            `SELECT DISTINCT kind, hash FROM identities WHERE tenant_id = ?1 AND customer_id NOT IN (${placeholders(customers.length, 2)})
             AND hash IN (${placeholders(identities.length, customers.length + 2)})`,
          )
          .bind(tenantId, ...customers, ...identities.map((i) => i.hash)),
      )
    : [];
  const shared = new Set(sharedWithOthers.map((s) => `${s.kind}:${s.hash}`));
  const marks = new Map<string, { kind: string; hash: string }>();
  marks.set(`${asked.kind}:${asked.hash}`, asked);
  for (const i of identities)
    if (!shared.has(`${i.kind}:${i.hash}`)) marks.set(`${i.kind}:${i.hash}`, i);

  // Where: their threads, and any thread an erased identifier appeared on.
  const markList = [...marks.values()];
  const threadRows = await all<{ id: string }>(
    db
      .prepare(
        `SELECT id FROM threads WHERE tenant_id = ?1 AND (customer_id IN (${placeholders(customers.length, 2)})
           OR id IN (SELECT thread_id FROM identifier_threads WHERE tenant_id = ?1 AND hash IN (${placeholders(markList.length, customers.length + 2)})))`,
      )
      .bind(tenantId, ...customers, ...markList.map((m) => m.hash)),
  );
  const threads = threadRows.map((r) => r.id);
  const links = await all<{ kind: ThreadLink["kind"]; external_id: string }>(
    db
      .prepare(
        `SELECT kind, external_id FROM thread_links WHERE tenant_id = ?1 AND thread_id IN (${placeholders(threads.length, 2)})`,
      )
      .bind(tenantId, ...threads),
  );
  for (const link of links)
    marks.set(`link:${link.kind}:${link.external_id}`, {
      kind: `link_${link.kind}`,
      hash: await linkHash(key, { kind: link.kind, id: link.external_id }),
    });

  const byThread = (table: string) =>
    db
      .prepare(
        `DELETE FROM ${table} WHERE tenant_id = ?1 AND thread_id IN (${placeholders(threads.length, 2)})`,
      )
      .bind(tenantId, ...threads);
  const byCustomer = (table: string, column: string) =>
    db
      .prepare(
        `DELETE FROM ${table} WHERE tenant_id = ?1 AND ${column} IN (${placeholders(customers.length, 2)})`,
      )
      .bind(tenantId, ...customers);
  const tickets = links.filter((l) => l.kind === "ticket").map((l) => l.external_id);
  const statements: [string, D1PreparedStatement][] = [
    ["thread_events", byThread("thread_events")],
    ["thread_links", byThread("thread_links")],
    ["identifier_threads", byThread("identifier_threads")],
    ["outbox", byThread("outbox")],
    ["agent_runs", byThread("agent_runs")],
    ["inbound_deliveries", byThread("inbound_deliveries")],
    [
      "threads",
      db
        .prepare(
          `DELETE FROM threads WHERE tenant_id = ?1 AND id IN (${placeholders(threads.length, 2)})`,
        )
        .bind(tenantId, ...threads),
    ],
    ["identities", byCustomer("identities", "customer_id")],
    ["customers", byCustomer("customers", "id")],
    [
      "write_leases",
      db
        .prepare(
          `DELETE FROM write_leases WHERE tenant_id = ?1 AND target IN (${placeholders(tickets.length, 2)})`,
        )
        .bind(tenantId, ...tickets.map((t) => `ticket:${t}`)),
    ],
  ];
  const anonymise = db
    .prepare(
      `UPDATE audit_log SET data = '{"erased":true}', thread_id = NULL,
         actor = CASE WHEN actor LIKE 'human:%' OR actor LIKE 'agent:%' OR actor LIKE 'system:%' THEN actor ELSE 'erased' END
       WHERE tenant_id = ?1 AND thread_id IN (${placeholders(threads.length, 2)})`,
    )
    .bind(tenantId, ...threads);
  const tombstones = [...marks.values()].map((m) =>
    db
      .prepare(
        `INSERT INTO erasure_tombstones (tenant_id, kind, hash, erased_at) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT (tenant_id, kind, hash) DO NOTHING`,
      )
      .bind(tenantId, m.kind, m.hash, now),
  );
  const results = await db.batch([...statements.map(([, s]) => s), anonymise, ...tombstones]);
  const removed = Object.fromEntries(
    statements.map(([table], i) => [table, results[i]?.meta.changes ?? 0]),
  );

  // Caches: the agent's profile and case cards for these customers and tickets.
  const cacheKeys = [
    ...customers.map((c) => `profile:${tenantId}:${c}`),
    ...tickets.map((t) => `ticket:${tenantId}:${t}`),
  ];
  await Promise.all(cacheKeys.map((k) => env.CACHE.delete(k)));

  const report: ErasureReport = {
    requestId,
    identifier: { type: raw.type, masked: normalized.identifier.masked },
    customers: customers.length,
    threads: threads.length,
    removed,
    anonymised: { audit_log: results[statements.length]?.meta.changes ?? 0 },
    cacheEntries: cacheKeys.length,
    tombstones: marks.size,
  };
  await db
    .prepare(
      `INSERT INTO erasure_requests (tenant_id, id, requested_at, report) VALUES (?1, ?2, ?3, ?4)`,
    )
    .bind(tenantId, requestId, now, JSON.stringify(report))
    .run();
  return report;
}
