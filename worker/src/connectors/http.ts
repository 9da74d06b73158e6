/**
 * Outbound HTTP for connectors. Failures are classified so callers know whether waiting helps:
 * a `DownstreamUnavailable` (timeout, 5xx, 429) is retried later; anything else is final.
 */
export class DownstreamUnavailable extends Error {
  constructor(
    readonly service: string,
    message: string,
    /** Seconds the service asked us to wait (429/503 Retry-After). */
    readonly retryAfterSeconds?: number,
  ) {
    super(`${service} unavailable: ${message}`);
  }
}

export class DownstreamRejected extends Error {
  constructor(
    readonly service: string,
    readonly status: number,
    message: string,
  ) {
    super(`${service} rejected the request (${status}): ${message}`);
  }
}

export const DEFAULT_TIMEOUT_MS = 8_000;

export function retryAfterSeconds(header: string | null, nowMs: number): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds);
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - nowMs) / 1000));
}

export interface HttpClient {
  service: string;
  fetch: typeof fetch;
  timeoutMs?: number;
}

/** GET JSON; 404 answers null so "no such customer" is an answer, not an error. */
export async function getJson<T>(
  client: HttpClient,
  url: string,
  headers: Record<string, string>,
): Promise<T | null> {
  let response: Response;
  // Called unbound: workerd rejects fetch invoked as a method of another object.
  const send = client.fetch;
  try {
    response = await send(url, {
      headers: { accept: "application/json", ...headers },
      signal: AbortSignal.timeout(client.timeoutMs ?? DEFAULT_TIMEOUT_MS),
    });
  } catch (error) {
    const reason =
      error instanceof Error && error.name === "TimeoutError"
        ? "timed out"
        : `unreachable (${error instanceof Error ? error.message : "network error"})`;
    throw new DownstreamUnavailable(client.service, reason);
  }
  if (response.status === 404) {
    await response.body?.cancel();
    return null;
  }
  if (response.status === 429 || response.status >= 500) {
    await response.body?.cancel();
    throw new DownstreamUnavailable(
      client.service,
      `HTTP ${response.status}`,
      retryAfterSeconds(response.headers.get("retry-after"), Date.now()),
    );
  }
  if (!response.ok) {
    await response.body?.cancel();
    throw new DownstreamRejected(client.service, response.status, response.statusText);
  }
  return (await response.json()) as T;
}
