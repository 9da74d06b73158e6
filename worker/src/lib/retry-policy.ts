/**
 * When to try again after a transient failure: the one policy of the ingest queue, the outbox and
 * agent runs. Waits grow exponentially from a base, are capped at five minutes, and are never
 * shorter than what the service asked for in Retry-After.
 */
export const MAX_BACKOFF_SECONDS = 300;

/** The base of every backoff unless RETRY_BASE_SECONDS says otherwise. */
export const DEFAULT_RETRY_BASE_SECONDS = 2;

/**
 * Seconds before attempt `attempt + 1`, after `attempt` attempts (counted from 1): `base`, then
 * twice as long each time up to the cap, and never sooner than `retryAfterSeconds`.
 */
export function backoffSeconds(
  attempt: number,
  wait: { baseSeconds: number; retryAfterSeconds?: number | undefined },
): number {
  const exponential = Math.min(
    MAX_BACKOFF_SECONDS,
    wait.baseSeconds * 2 ** Math.max(0, attempt - 1),
  );
  return Math.max(wait.retryAfterSeconds ?? 0, exponential);
}

/** RETRY_BASE_SECONDS when it is a number ≥ 0 (the tests set 0 to retry at once), else 2 s. */
export function retryBaseSeconds(env: { RETRY_BASE_SECONDS?: string }): number {
  const configured = Number(env.RETRY_BASE_SECONDS);
  return env.RETRY_BASE_SECONDS !== undefined && Number.isFinite(configured) && configured >= 0
    ? configured
    : DEFAULT_RETRY_BASE_SECONDS;
}

/** A Retry-After header in seconds: delta-seconds or an HTTP date (RFC 9110 §10.2.3). */
export function retryAfterSeconds(header: string | null, nowMs: number): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds);
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - nowMs) / 1000));
}
