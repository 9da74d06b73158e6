import type { ChannelEvent } from "../domain/channel-event";

export type DeliveryStatus = "queued" | "done" | "failed";

/**
 * Claim each event id for this tenant. Returns the events that were new; the others are
 * redeliveries and must change nothing.
 */
export async function claimDeliveries(
  db: D1Database,
  tenantId: string,
  events: ChannelEvent[],
  now: string,
): Promise<ChannelEvent[]> {
  if (events.length === 0) return [];
  const claim = (e: ChannelEvent) =>
    db
      .prepare(
        `INSERT INTO inbound_deliveries (tenant_id, source, event_id, status, received_at)
         VALUES (?1, ?2, ?3, 'queued', ?4) ON CONFLICT DO NOTHING`,
      )
      .bind(tenantId, e.source, e.eventId, now);
  // Most deliveries carry one event: one statement is cheaper than a batch of one.
  const results =
    events.length === 1 ? [await claim(events[0]!).run()] : await db.batch(events.map(claim));
  return events.filter((_, i) => results[i]?.meta.changes === 1);
}

/** Undo a claim when the event could not be queued, so the sender's retry is processed. */
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
          `DELETE FROM inbound_deliveries WHERE tenant_id = ?1 AND source = ?2 AND event_id = ?3 AND status = 'queued'`,
        )
        .bind(tenantId, e.source, e.eventId),
    ),
  );
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

export async function requeueFailed(
  db: D1Database,
  tenantId: string,
  source: string,
  eventId: string,
): Promise<boolean> {
  const result = await db
    .prepare(
      `UPDATE inbound_deliveries SET status = 'queued', error = NULL, sealed_event = NULL, settled_at = NULL
       WHERE tenant_id = ?1 AND source = ?2 AND event_id = ?3 AND status = 'failed'`,
    )
    .bind(tenantId, source, eventId)
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
