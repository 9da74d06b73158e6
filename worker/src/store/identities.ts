import { placeholders, unionOfSeeks } from "./seeks";
import type { SignalKind } from "../domain/identity-level";

export interface IdentityRow {
  kind: SignalKind;
  hash: string;
  customerId: string;
  masked: string;
  verified: boolean;
  source: string;
}

/** Record which customer owns which identifier, as systems of record said at `now`. */
/** `seenAt` is event time: retention counts from when the customer last used an identifier. */
export function upsertIdentities(
  db: D1Database,
  tenantId: string,
  rows: IdentityRow[],
  seenAt: string,
): D1PreparedStatement[] {
  return rows.map((r) =>
    db
      .prepare(
        `INSERT INTO identities (tenant_id, kind, hash, customer_id, masked, verified, source, first_seen_at, last_seen_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8)
         ON CONFLICT (tenant_id, kind, hash, customer_id) DO UPDATE SET
           first_seen_at = MIN(identities.first_seen_at, excluded.first_seen_at),
           last_seen_at = MAX(identities.last_seen_at, excluded.last_seen_at),
           verified = MAX(identities.verified, excluded.verified)`,
      )
      .bind(tenantId, r.kind, r.hash, r.customerId, r.masked, r.verified ? 1 : 0, r.source, seenAt),
  );
}

export function upsertCustomers(
  db: D1Database,
  tenantId: string,
  customers: { id: string; tier?: string | undefined }[],
  now: string,
): D1PreparedStatement[] {
  return customers.map((c) =>
    db
      .prepare(
        `INSERT INTO customers (tenant_id, id, source, tier, created_at) VALUES (?1, ?2, 'orders', ?3, ?4)
         ON CONFLICT (tenant_id, id) DO UPDATE SET tier = COALESCE(excluded.tier, customers.tier)`,
      )
      .bind(tenantId, c.id, c.tier ?? null, now),
  );
}

/**
 * Owners a person linked by hand (a human's "same customer" decision in the sidebar). Links the
 * order system implied are not reused: it is asked again, so a reassigned number is seen at once.
 */
export const agentLinkedOwnersSql = (count: number) =>
  unionOfSeeks(
    "SELECT kind, hash, customer_id FROM identities",
    ["kind", "hash"],
    " AND source = 'agent'",
    count,
  );

export async function agentLinkedOwners(
  db: D1Database,
  tenantId: string,
  keys: { kind: SignalKind; hash: string }[],
): Promise<Map<string, string[]>> {
  if (keys.length === 0) return new Map();
  const { results } = await agentLinkedOwnersStatement(db, tenantId, keys).all<OwnerRow>();
  return linkedOwnersOf(results);
}

interface OwnerRow {
  kind: string;
  hash: string;
  customer_id: string;
}

/** The read behind agentLinkedOwners, to batch with other reads (at least one key). */
export function agentLinkedOwnersStatement(
  db: D1Database,
  tenantId: string,
  keys: { kind: SignalKind; hash: string }[],
): D1PreparedStatement {
  return db
    .prepare(agentLinkedOwnersSql(keys.length))
    .bind(tenantId, ...keys.flatMap((k) => [k.kind, k.hash]));
}

/** Owners by `kind:hash`, from the rows agentLinkedOwnersStatement reads. */
export function linkedOwnersOf(rows: OwnerRow[]): Map<string, string[]> {
  const owners = new Map<string, string[]>();
  for (const row of rows) {
    const key = `${row.kind}:${row.hash}`;
    owners.set(key, [...(owners.get(key) ?? []), row.customer_id]);
  }
  return owners;
}

/** The customer's tier as the order system last gave it, or null. */
export async function customerTier(
  db: D1Database,
  tenantId: string,
  customerId: string,
): Promise<string | null> {
  const row = await db
    .prepare(`SELECT tier FROM customers WHERE tenant_id = ?1 AND id = ?2`)
    .bind(tenantId, customerId)
    .first<{ tier: string | null }>();
  return row?.tier ?? null;
}

/** The customers one hashed identifier belongs to (several for a family email). */
export async function ownersOf(
  db: D1Database,
  tenantId: string,
  identifier: { kind: string; hash: string },
): Promise<string[]> {
  const { results } = await db
    .prepare(`SELECT customer_id FROM identities WHERE tenant_id = ?1 AND kind = ?2 AND hash = ?3`)
    .bind(tenantId, identifier.kind, identifier.hash)
    .all<{ customer_id: string }>();
  return results.map((r) => r.customer_id);
}

/** Every identifier of these customers. */
export async function identitiesOf(
  db: D1Database,
  tenantId: string,
  customers: string[],
): Promise<{ kind: string; hash: string; customer_id: string }[]> {
  const { results } = await db
    .prepare(
      `SELECT kind, hash, customer_id FROM identities WHERE tenant_id = ?1 AND customer_id IN (${placeholders(customers.length, 2)})`,
    )
    .bind(tenantId, ...customers)
    .all<{ kind: string; hash: string; customer_id: string }>();
  return results;
}

/** Which of these hashes also belong to a customer outside `customers`. */
export async function sharedWithOthers(
  db: D1Database,
  tenantId: string,
  customers: string[],
  hashes: string[],
): Promise<{ kind: string; hash: string }[]> {
  const { results } = await db
    .prepare(
      `SELECT DISTINCT kind, hash FROM identities WHERE tenant_id = ?1 AND customer_id NOT IN (${placeholders(customers.length, 2)})
             AND hash IN (${placeholders(hashes.length, customers.length + 2)})`,
    )
    .bind(tenantId, ...customers, ...hashes)
    .all<{ kind: string; hash: string }>();
  return results;
}

/**
 * What still answers to a hashed identifier after an erasure, in one round trip: identity records
 * of any kind, and threads it was seen on.
 */
export async function tracesOfIdentifier(
  db: D1Database,
  tenantId: string,
  hash: string,
): Promise<{ identities: number; threads: number }> {
  const row = await db
    .prepare(
      `SELECT (SELECT COUNT(*) FROM identities WHERE tenant_id = ?1 AND hash = ?2) AS identities,
              (SELECT COUNT(*) FROM identifier_threads WHERE tenant_id = ?1 AND hash = ?2) AS threads`,
    )
    .bind(tenantId, hash)
    .first<{ identities: number; threads: number }>();
  return { identities: row?.identities ?? 0, threads: row?.threads ?? 0 };
}

/** Delete identity records the customer has not used since `before` (retention). */
export function expireIdentities(
  db: D1Database,
  tenantId: string,
  before: string,
): D1PreparedStatement {
  return db
    .prepare(`DELETE FROM identities WHERE tenant_id = ?1 AND last_seen_at < ?2`)
    .bind(tenantId, before);
}
