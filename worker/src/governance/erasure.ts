import type { ThreadLink } from "../domain/channel-event";
import { normalizeIdentifier, type RawIdentifier } from "../domain/identifiers";
import type { Env } from "../env";
import { identityHash } from "../security/identity-hash";
import { identityKey } from "../security/keys";
import { hmacSha256Base64Url } from "../security/hmac";
import { eraseRecords, recordErasure } from "../store/erasures";
import { identitiesOf, ownersOf, sharedWithOthers } from "../store/identities";
import { linksOfThreads, threadsOfCustomersOrIdentifiers } from "../store/threads";

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
  return hmacSha256Base64Url(key, `link:${link.kind}:${link.id}`);
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
  const customers = [...new Set(await ownersOf(db, tenantId, asked))];
  // A family email names several people: erasing by it would erase them all. Ask for one of theirs.
  if (customers.length > 1) return { shared: customers.length };
  const identities = customers.length ? await identitiesOf(db, tenantId, customers) : [];
  // Shared identifiers (a family email) also belong to someone else: they are not tombstoned.
  const sharedWithOtherCustomers = identities.length
    ? await sharedWithOthers(
        db,
        tenantId,
        customers,
        identities.map((i) => i.hash),
      )
    : [];
  const shared = new Set(sharedWithOtherCustomers.map((s) => `${s.kind}:${s.hash}`));
  const marks = new Map<string, { kind: string; hash: string }>();
  marks.set(`${asked.kind}:${asked.hash}`, asked);
  for (const i of identities)
    if (!shared.has(`${i.kind}:${i.hash}`)) marks.set(`${i.kind}:${i.hash}`, i);

  // Where: their threads, and any thread an erased identifier appeared on.
  const markList = [...marks.values()];
  const threads = await threadsOfCustomersOrIdentifiers(
    db,
    tenantId,
    customers,
    markList.map((m) => m.hash),
  );
  const links = await linksOfThreads(db, tenantId, threads);
  for (const link of links)
    marks.set(`link:${link.kind}:${link.external_id}`, {
      kind: `link_${link.kind}`,
      hash: await linkHash(key, { kind: link.kind, id: link.external_id }),
    });

  const tickets = links.filter((l) => l.kind === "ticket").map((l) => l.external_id);
  const { removed, anonymisedAudit } = await eraseRecords(
    db,
    tenantId,
    { threads, customers, tickets, marks: [...marks.values()] },
    now,
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
    anonymised: { audit_log: anonymisedAudit },
    cacheEntries: cacheKeys.length,
    tombstones: marks.size,
  };
  await recordErasure(db, tenantId, requestId, now, report);
  return report;
}
