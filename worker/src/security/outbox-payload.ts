import { rootKeys } from "./keys";
import { open, seal } from "./sealed-box";

/** What an outbox row's payload is bound to: its tenant and its id, so it opens nowhere else. */
export const outboxLabel = (tenantId: string, id: string) => `tenant:${tenantId}:outbox:${id}`;

export async function sealOutboxPayload(
  secretsKey: string,
  tenantId: string,
  id: string,
  body: unknown,
): Promise<string> {
  const keys = await rootKeys(secretsKey);
  return seal(keys.settings, JSON.stringify(body), outboxLabel(tenantId, id));
}

export async function openOutboxPayload<T>(
  secretsKey: string,
  tenantId: string,
  id: string,
  sealed: string,
): Promise<T> {
  const keys = await rootKeys(secretsKey);
  return JSON.parse(await open(keys.settings, sealed, outboxLabel(tenantId, id))) as T;
}
