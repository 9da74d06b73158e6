/** Asks the delivery consumer to carry out one outbox row. */
export interface OutboxMessage {
  v: 1;
  tenantId: string;
  id: string;
}

export const outboxMessage = (tenantId: string, id: string): OutboxMessage => ({
  v: 1,
  tenantId,
  id,
});
