import { ingestMessage } from "../../ingest/ingest-message";
import type { Context } from "hono";
import type { ChannelEvent } from "../../domain/channel-event";
import { ApiError } from "../../lib/problem";
import type { AppBindings } from "../../lib/types";
import { leaseFrom, sealEvent } from "../../ingest/delivery-copy";
import { claimDeliveries, releaseDeliveries } from "../../store/deliveries";

/**
 * Claim each event id with a sealed copy of the event, queue the new ones, and answer. The copy
 * and a lease are written with the claim, so an event answered 2xx whose queue message dies with
 * a process is queued again from it (by the cron sweep, or by the sender's redelivery once the
 * lease has run out). Any other redelivery finds its id claimed and changes nothing. If the queue
 * refuses, the claims are released and the sender is told to retry.
 */
export async function acceptEvents(
  c: Context<AppBindings>,
  events: ChannelEvent[],
  ignored: number,
) {
  const fresh = await claimAndQueue(c, events);
  const body = { accepted: fresh.length, duplicates: events.length - fresh.length, ignored };
  return fresh.length > 0 ? c.json(body, 202) : c.json(body, 200);
}

/** The claim and the queueing of `acceptEvents`, for a route that answers in its own words. */
export async function claimAndQueue(
  c: Context<AppBindings>,
  events: ChannelEvent[],
): Promise<ChannelEvent[]> {
  const tenantId = c.get("tenant").config.id;
  const claims = await Promise.all(
    events.map(async (event) => ({
      event,
      sealedEvent: await sealEvent(c.env, tenantId, event),
    })),
  );
  const fresh = await claimDeliveries(c.env.DB, tenantId, claims, leaseFrom(c.env, new Date()));
  if (fresh.length > 0) {
    try {
      await c.env.INGEST_QUEUE.sendBatch(
        fresh.map((event) => ({ body: ingestMessage(tenantId, event) })),
      );
    } catch (error) {
      await releaseDeliveries(c.env.DB, tenantId, fresh);
      console.error(
        JSON.stringify({
          msg: "queue send failed",
          tenantId,
          error: error instanceof Error ? error.message : "unknown",
        }),
      );
      throw new ApiError(
        503,
        "queue_unavailable",
        "The event could not be queued; nothing was stored. Retry later.",
      );
    }
  }
  return fresh;
}

export function parseJson(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    throw new ApiError(400, "malformed_json", "The body is not valid JSON; nothing was stored");
  }
}
