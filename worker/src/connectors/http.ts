import { retryAfterSeconds } from "../lib/retry-policy";

/**
 * Outbound HTTP for connectors. Every answer is judged in one place (`judgeAnswer`), so callers
 * know whether waiting helps: a `DownstreamUnavailable` (timeout, unreachable, 429, 5xx) is retried
 * later, honouring Retry-After; a `DownstreamRejected` (any other 4xx) is final.
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

export interface HttpClient {
  service: string;
  fetch: typeof fetch;
  timeoutMs?: number;
}

/** What a service's answer means for the call: use it, try again (after N s if it said), or stop. */
export type AnswerVerdict =
  | { kind: "done" }
  | { kind: "retry"; reason: string; retryAfterSeconds: number | undefined }
  | { kind: "give_up"; status: number; reason: string };

export function judgeAnswer(response: Response, nowMs: number): AnswerVerdict {
  if (response.status === 429 || response.status >= 500)
    return {
      kind: "retry",
      reason: `HTTP ${response.status}`,
      retryAfterSeconds: retryAfterSeconds(response.headers.get("retry-after"), nowMs),
    };
  if (!response.ok)
    return { kind: "give_up", status: response.status, reason: response.statusText };
  return { kind: "done" };
}

/**
 * One request, bounded by the client's timeout. Answers the response when it is usable: a 2xx, or
 * a status in `handled` that the caller gives its own meaning (404 "no such record", 409 "changed
 * since read"). Anything else is thrown as its verdict says, with the body discarded.
 */
export async function send(
  client: HttpClient,
  url: string,
  init: RequestInit,
  handled: readonly number[] = [],
): Promise<Response> {
  let response: Response;
  // Called unbound: workerd rejects fetch invoked as a method of another object.
  const fetcher = client.fetch;
  try {
    response = await fetcher(url, {
      ...init,
      signal: AbortSignal.timeout(client.timeoutMs ?? DEFAULT_TIMEOUT_MS),
    });
  } catch (error) {
    const reason =
      error instanceof Error && error.name === "TimeoutError"
        ? "timed out"
        : `unreachable (${error instanceof Error ? error.message : "network error"})`;
    throw new DownstreamUnavailable(client.service, reason);
  }
  if (handled.includes(response.status)) return response;
  const verdict = judgeAnswer(response, Date.now());
  if (verdict.kind === "done") return response;
  await response.body?.cancel();
  if (verdict.kind === "retry")
    throw new DownstreamUnavailable(client.service, verdict.reason, verdict.retryAfterSeconds);
  throw new DownstreamRejected(client.service, verdict.status, verdict.reason);
}

/** GET JSON; 404 answers null so "no such customer" is an answer, not an error. */
export async function getJson<T>(
  client: HttpClient,
  url: string,
  headers: Record<string, string>,
): Promise<T | null> {
  const response = await send(
    client,
    url,
    { headers: { accept: "application/json", ...headers } },
    [404],
  );
  if (response.status === 404) {
    await response.body?.cancel();
    return null;
  }
  return (await response.json()) as T;
}
