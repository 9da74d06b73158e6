import type { Env } from "../env";
import { failDelivery, renewLeases, stuckDeliveries } from "../store/deliveries";
import { leaseFrom, MAX_REQUEUES, openEvent } from "./delivery-copy";
import { ingestMessage, type IngestMessage } from "./ingest-message";

/** A queue send takes at most this many messages. */
const SEND_BATCH = 100;

/**
 * Queue again, from their sealed copies, the accepted events whose queue message was lost (a
 * process died between answering and processing). Each takes a fresh lease first, so two sweeps
 * never both queue it; one that keeps coming back unsettled is set aside for an operator.
 */
export async function requeueStuckDeliveries(
  env: Env,
  now: Date,
  tenantId?: string,
): Promise<{ requeued: number; setAside: number }> {
  const stuck = await stuckDeliveries(env.DB, now.toISOString(), 200, tenantId);
  const exhausted = stuck.filter((claim) => claim.requeues >= MAX_REQUEUES);
  for (const claim of exhausted)
    await failDelivery(env.DB, claim.tenantId, claim, {
      error: `not settled after ${claim.requeues} re-queues`,
      sealedEvent: claim.sealedEvent,
      now: now.toISOString(),
    });
  const renewals = stuck
    .filter((claim) => claim.requeues < MAX_REQUEUES)
    .map((claim) => ({
      stuck: claim,
      lease: leaseFrom(env, now, { requeues: claim.requeues + 1 }),
    }));
  const taken = await renewLeases(env.DB, renewals);
  const messages: { body: IngestMessage }[] = await Promise.all(
    renewals
      .filter((_, i) => taken[i])
      .map(async ({ stuck: claim }) => ({
        body: ingestMessage(
          claim.tenantId,
          await openEvent(env, claim.tenantId, claim.sealedEvent),
          true,
        ),
      })),
  );
  for (let i = 0; i < messages.length; i += SEND_BATCH)
    await env.INGEST_QUEUE.sendBatch(messages.slice(i, i + SEND_BATCH));
  return { requeued: messages.length, setAside: exhausted.length };
}
