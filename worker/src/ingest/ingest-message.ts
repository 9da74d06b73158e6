import type { ChannelEvent } from "../domain/channel-event";

/** What the inbound endpoints put on the ingest queue: one verified, normalised event. */
export interface IngestMessage {
  v: 1;
  tenantId: string;
  event: ChannelEvent;
  /** Queued again from the claim's copy (the sweep, an operator's replay): the first may yet run. */
  requeued?: true;
}

export const ingestMessage = (
  tenantId: string,
  event: ChannelEvent,
  requeued = false,
): IngestMessage => ({ v: 1, tenantId, event, ...(requeued && { requeued: true as const }) });
