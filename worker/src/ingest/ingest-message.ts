import type { ChannelEvent } from "../domain/channel-event";

/** What the inbound endpoints put on the ingest queue: one verified, normalised event. */
export interface IngestMessage {
  v: 1;
  tenantId: string;
  event: ChannelEvent;
}
