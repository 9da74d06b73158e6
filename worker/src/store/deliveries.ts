import type { ChannelEvent } from "../domain/channel-event";

export type DeliveryStatus = "queued" | "done" | "failed";

/** One event to claim, with the sealed copy it is kept as until it is settled. */
export interface DeliveryClaim {
  event: ChannelEvent;
  sealedEvent: string;
}

/**
 * Claim each event id for this tenant, keeping its sealed copy in the same write. Returns the
 * events to queue: the new ones, and the redeliveries of a claim still queued past its lease
 * (its queue message died with a process), which take a fresh copy and lease. The others are
 * redeliveries and change nothing.
 */
export async function claimDeliveries(
  db: D1Database,
  tenantId: string,
  claims: DeliveryClaim[],
  lease: { now: string; until: string },
): Promise<ChannelEvent[]> {
  if (claims.length === 0) return [];
  const claim = ({ event, sealedEvent }: DeliveryClaim) =>
    db
      .prepare(
        `INSERT INTO inbound_deliveries (tenant_id, source, event_id, status, received_at, sealed_event, lease_until)
         VALUES (?1, ?2, ?3, 'queued', ?4, ?5, ?6)
         ON CONFLICT (tenant_id, source, event_id) DO UPDATE
           SET sealed_event = excluded.sealed_event, lease_until = excluded.lease_until, requeues = requeues + 1
           WHERE inbound_deliveries.status = 'queued'
             AND COALESCE(inbound_deliveries.lease_until, inbound_deliveries.received_at) < ?4`,
      )
      .bind(tenantId, event.source, event.eventId, lease.now, sealedEvent, lease.until);
  // Most deliveries carry one event: one statement is cheaper than a batch of one.
  const results =
    claims.length === 1 ? [await claim(claims[0]!).run()] : await db.batch(claims.map(claim));
  return claims.filter((_, i) => results[i]?.meta.changes === 1).map((c) => c.event);
}

/**
 * Undo a claim when the event could not be queued, so the sender's retry is processed. Only a
 * claim this request created goes: a stuck claim it took over was answered 2xx before, and keeps
 * its copy for the sweep.
 */
export async function releaseDeliveries(
  db: D1Database,
  tenantId: string,
  events: ChannelEvent[],
): Promise<void> {
  if (events.length === 0) return;
  await db.batch(
    events.map((e) =>
      db
        .prepare(
          `DELETE FROM inbound_deliveries
           WHERE tenant_id = ?1 AND source = ?2 AND event_id = ?3 AND status = 'queued' AND requeues = 0`,
        )
        .bind(tenantId, e.source, e.eventId),
    ),
  );
}

/** Whether an event was already settled: a spare queue message for it changes nothing. */
export async function isSettled(
  db: D1Database,
  tenantId: string,
  event: Pick<ChannelEvent, "source" | "eventId">,
): Promise<boolean> {
  const row = await db
    .prepare(
      `SELECT status FROM inbound_deliveries WHERE tenant_id = ?1 AND source = ?2 AND event_id = ?3`,
    )
    .bind(tenantId, event.source, event.eventId)
    .first<{ status: DeliveryStatus }>();
  return row?.status === "done";
}

/** A queued event waiting out a retry keeps its lease, so the sweep does not queue it twice. */
export async function extendLease(
  db: D1Database,
  tenantId: string,
  event: Pick<ChannelEvent, "source" | "eventId">,
  until: string,
): Promise<void> {
  await db
    .prepare(
      `UPDATE inbound_deliveries SET lease_until = ?4
       WHERE tenant_id = ?1 AND source = ?2 AND event_id = ?3 AND status = 'queued'`,
    )
    .bind(tenantId, event.source, event.eventId, until)
    .run();
}

export interface StuckDelivery {
  tenantId: string;
  source: ChannelEvent["source"];
  eventId: string;
  sealedEvent: string;
  requeues: number;
}

/** Claims still queued past their lease, with their copy: their queue message was lost. */
export async function stuckDeliveries(
  db: D1Database,
  now: string,
  limit = 200,
  tenantId?: string,
): Promise<StuckDelivery[]> {
  const { results } = await db
    .prepare(
      `SELECT tenant_id, source, event_id, sealed_event, requeues FROM inbound_deliveries
       WHERE status = 'queued' AND lease_until < ?1 AND sealed_event IS NOT NULL
         AND (?3 IS NULL OR tenant_id = ?3)
       ORDER BY lease_until LIMIT ?2`,
    )
    .bind(now, limit, tenantId ?? null)
    .all<{
      tenant_id: string;
      source: ChannelEvent["source"];
      event_id: string;
      sealed_event: string;
      requeues: number;
    }>();
  return results.map((r) => ({
    tenantId: r.tenant_id,
    source: r.source,
    eventId: r.event_id,
    sealedEvent: r.sealed_event,
    requeues: r.requeues,
  }));
}

/**
 * Take a fresh lease on each stuck claim before queuing it again, in one batch. Says for each
 * whether it was taken: another sweep or a redelivery may have taken it first.
 */
export async function renewLeases(
  db: D1Database,
  renewals: { stuck: StuckDelivery; lease: { now: string; until: string } }[],
): Promise<boolean[]> {
  if (renewals.length === 0) return [];
  const results = await db.batch(
    renewals.map(({ stuck, lease }) =>
      db
        .prepare(
          `UPDATE inbound_deliveries SET lease_until = ?5, requeues = requeues + 1
           WHERE tenant_id = ?1 AND source = ?2 AND event_id = ?3 AND status = 'queued' AND lease_until < ?4`,
        )
        .bind(stuck.tenantId, stuck.source, stuck.eventId, lease.now, lease.until),
    ),
  );
  return results.map((r) => r.meta.changes === 1);
}

export function settleDelivery(
  db: D1Database,
  tenantId: string,
  event: Pick<ChannelEvent, "source" | "eventId">,
  threadId: string | null,
  now: string,
): D1PreparedStatement {
  return db
    .prepare(
      `UPDATE inbound_deliveries SET status = 'done', thread_id = ?4, error = NULL, sealed_event = NULL, settled_at = ?5,
         attempts = attempts + 1
       WHERE tenant_id = ?1 AND source = ?2 AND event_id = ?3`,
    )
    .bind(tenantId, event.source, event.eventId, threadId, now);
}

export async function failDelivery(
  db: D1Database,
  tenantId: string,
  event: Pick<ChannelEvent, "source" | "eventId">,
  failure: { error: string; sealedEvent: string; now: string },
): Promise<void> {
  await db
    .prepare(
      `UPDATE inbound_deliveries SET status = 'failed', error = ?4, sealed_event = ?5, settled_at = ?6, attempts = attempts + 1
       WHERE tenant_id = ?1 AND source = ?2 AND event_id = ?3 AND status <> 'done'`,
    )
    .bind(tenantId, event.source, event.eventId, failure.error, failure.sealedEvent, failure.now)
    .run();
}

export async function countUnsettled(
  db: D1Database,
  tenantId: string,
): Promise<Record<DeliveryStatus, number>> {
  const { results } = await db
    .prepare(
      `SELECT status, COUNT(*) AS n FROM inbound_deliveries WHERE tenant_id = ?1 AND status <> 'done' GROUP BY status`,
    )
    .bind(tenantId)
    .all<{ status: DeliveryStatus; n: number }>();
  const counts: Record<DeliveryStatus, number> = { queued: 0, done: 0, failed: 0 };
  for (const row of results) counts[row.status] = row.n;
  return counts;
}

export interface FailedDelivery {
  source: string;
  eventId: string;
  error: string | null;
  attempts: number;
  receivedAt: string;
  settledAt: string | null;
  sealedEvent: string | null;
}

export async function listFailed(
  db: D1Database,
  tenantId: string,
  limit = 100,
): Promise<FailedDelivery[]> {
  const { results } = await db
    .prepare(
      `SELECT source, event_id, error, attempts, received_at, settled_at, sealed_event FROM inbound_deliveries
       WHERE tenant_id = ?1 AND status = 'failed' ORDER BY received_at LIMIT ?2`,
    )
    .bind(tenantId, limit)
    .all<{
      source: string;
      event_id: string;
      error: string | null;
      attempts: number;
      received_at: string;
      settled_at: string | null;
      sealed_event: string | null;
    }>();
  return results.map((r) => ({
    source: r.source,
    eventId: r.event_id,
    error: r.error,
    attempts: r.attempts,
    receivedAt: r.received_at,
    settledAt: r.settled_at,
    sealedEvent: r.sealed_event,
  }));
}

/** Put a failed event back in the queue's hands; its copy stays until it is settled. */
export async function requeueFailed(
  db: D1Database,
  tenantId: string,
  source: string,
  eventId: string,
  leaseUntil: string,
): Promise<boolean> {
  const result = await db
    .prepare(
      `UPDATE inbound_deliveries SET status = 'queued', error = NULL, settled_at = NULL, lease_until = ?4
       WHERE tenant_id = ?1 AND source = ?2 AND event_id = ?3 AND status = 'failed'`,
    )
    .bind(tenantId, source, eventId, leaseUntil)
    .run();
  return result.meta.changes === 1;
}

/** Drop the record that an event arrived: for an erased customer even that is not kept. */
export async function forgetDelivery(
  db: D1Database,
  tenantId: string,
  event: Pick<ChannelEvent, "source" | "eventId">,
): Promise<void> {
  await db
    .prepare(
      `DELETE FROM inbound_deliveries WHERE tenant_id = ?1 AND source = ?2 AND event_id = ?3`,
    )
    .bind(tenantId, event.source, event.eventId)
    .run();
}
