import type { Env } from "../env";
import { failDelivery, renewLease, stuckDeliveries } from "../store/deliveries";
import { leaseFrom, MAX_REQUEUES, openEvent } from "./delivery-copy";
import type { IngestMessage } from "./ingest-message";

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
  const messages: { body: IngestMessage }[] = [];
  let setAside = 0;
  for (const claim of stuck) {
    if (claim.requeues >= MAX_REQUEUES) {
      await failDelivery(env.DB, claim.tenantId, claim, {
        error: `not settled after ${claim.requeues} re-queues`,
        sealedEvent: claim.sealedEvent,
        now: now.toISOString(),
      });
      setAside++;
      continue;
    }
    const lease = leaseFrom(env, now, { requeues: claim.requeues + 1 });
    if (!(await renewLease(env.DB, claim, lease))) continue;
    const event = await openEvent(env, claim.tenantId, claim.sealedEvent);
    messages.push({ body: { v: 1, tenantId: claim.tenantId, event } });
  }
  for (let i = 0; i < messages.length; i += SEND_BATCH)
    await env.INGEST_QUEUE.sendBatch(messages.slice(i, i + SEND_BATCH));
  return { requeued: messages.length, setAside };
}
