import type { ChannelEvent } from "../domain/channel-event";
import type { Env } from "../env";
import { rootKeys } from "../security/keys";
import { open, seal } from "../security/sealed-box";

/**
 * How long a claimed event may sit queued before we assume its queue message died with a process
 * and queue it again from its copy. Long enough that a healthy backlog is not queued twice; a
 * spare message would be harmless anyway, since processing an event is idempotent.
 */
const DEFAULT_LEASE_SECONDS = 180;

/**
 * After this many re-queues an event that is never settled is set aside for an operator. Each
 * re-queue doubles the lease (180 s, 6 min, 12 min, …), so a long but healthy backlog is queued
 * again only a few times, and set aside only after about half a day.
 */
export const MAX_REQUEUES = 8;

export function leaseSeconds(env: Pick<Env, "INGEST_LEASE_SECONDS">): number {
  const configured = Number(env.INGEST_LEASE_SECONDS);
  return env.INGEST_LEASE_SECONDS !== undefined && Number.isFinite(configured) && configured >= 0
    ? configured
    : DEFAULT_LEASE_SECONDS;
}

/**
 * A lease from `now`: doubled for each earlier re-queue, plus `extraSeconds` the event is known to
 * wait (a retry's delay).
 */
export function leaseFrom(
  env: Pick<Env, "INGEST_LEASE_SECONDS">,
  now: Date,
  { extraSeconds = 0, requeues = 0 }: { extraSeconds?: number; requeues?: number } = {},
): { now: string; until: string } {
  const seconds = leaseSeconds(env) * 2 ** Math.min(requeues, MAX_REQUEUES) + extraSeconds;
  const until = new Date(now.getTime() + seconds * 1000);
  return { now: now.toISOString(), until: until.toISOString() };
}

const owner = (tenantId: string) => `tenant:${tenantId}:delivery`;

/** The event as kept beside its claim: sealed, bound to its tenant. */
export async function sealEvent(
  env: Pick<Env, "SECRETS_KEY">,
  tenantId: string,
  event: ChannelEvent,
): Promise<string> {
  const keys = await rootKeys(env.SECRETS_KEY);
  return seal(keys.settings, JSON.stringify(event), owner(tenantId));
}

export async function openEvent(
  env: Pick<Env, "SECRETS_KEY">,
  tenantId: string,
  sealed: string,
): Promise<ChannelEvent> {
  const keys = await rootKeys(env.SECRETS_KEY);
  return JSON.parse(await open(keys.settings, sealed, owner(tenantId))) as ChannelEvent;
}
