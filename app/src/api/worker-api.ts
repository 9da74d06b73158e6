import type { ZafClient, ZafResponse } from "../zaf/client";
import type {
  ActionDetails,
  SessionToken,
  ThreadAction,
  ThreadContext,
  ThreadEvents,
  TransferMode,
} from "./types";

/**
 * Every call to the Continuity Worker goes through Zendesk's proxy (secure: true), which puts the
 * app secret into the Authorization header; the browser only ever sees the placeholder.
 */
export type Outcome<T> =
  | { kind: "ok"; status: number; body: T }
  /** 409: the thread moved since the version the agent acted on. */
  | { kind: "stale"; status: 409; changes: string[] }
  /** 4xx with the worker's error body: not found, not permitted, invalid. */
  | { kind: "rejected"; status: number; code: string | null; message: string | null }
  /** Network, proxy or server failure. */
  | { kind: "failed"; status: number; message: string | null; timedOut?: boolean };

/**
 * How long a call may take before the agent is told and offered a retry. Zendesk's proxy gives up
 * after about 30 s; a person gives up sooner.
 */
export const CALL_TIMEOUT_MS = 12_000;

interface ErrorBody {
  error?: { code?: unknown; message?: unknown };
  changes?: unknown;
}

export function bodyOf(response: Partial<ZafResponse>): unknown {
  if (response.responseJSON !== undefined) return response.responseJSON;
  if (!response.responseText) return null;
  try {
    return JSON.parse(response.responseText);
  } catch {
    return null;
  }
}

export function failureOf(reason: unknown): Outcome<never> {
  const response = (typeof reason === "object" && reason ? reason : {}) as Partial<ZafResponse>;
  const status = typeof response.status === "number" ? response.status : 0;
  const body = (bodyOf(response) ?? {}) as ErrorBody;
  const code = typeof body.error?.code === "string" ? body.error.code : null;
  const message = typeof body.error?.message === "string" ? body.error.message : null;
  if (status === 409 && Array.isArray(body.changes)) {
    return { kind: "stale", status, changes: body.changes.map(String) };
  }
  if (status >= 400 && status < 500 && status !== 401 && status !== 429) {
    return { kind: "rejected", status, code, message };
  }
  const fallback = reason instanceof Error ? reason.message : null;
  return { kind: "failed", status, message: message ?? fallback };
}

export interface WorkerApi {
  ticketContext(ticketId: string): Promise<Outcome<ThreadContext>>;
  events(threadId: string, after: number): Promise<Outcome<ThreadEvents>>;
  act(threadId: string, body: ActionBody): Promise<Outcome<ThreadContext>>;
  editSummary(threadId: string, body: SummaryBody): Promise<Outcome<ThreadContext>>;
  retryNote(threadId: string, noteId: string): Promise<Outcome<{ retrying: true }>>;
  /** A token to attach to the thread's live session; the app secret stays with Zendesk's proxy. */
  sessionToken(threadId: string, body: SessionTokenBody): Promise<Outcome<SessionToken>>;
  /** Take the conversation (warm or cold), take it over as a supervisor, or hand it back. */
  transfer(threadId: string, body: TransferBody): Promise<Outcome<ThreadContext>>;
  /** Write to the customer on the web chat page, as the person who has the conversation. */
  writeToChat(threadId: string, body: ChatMessageBody): Promise<Outcome<ChatMessageAccepted>>;
}

/** A supervisor attaches to watch; an agent to work the thread. */
export type SessionRole = "agent" | "supervisor";

export interface SessionTokenBody {
  ticketId: string;
  actor: string;
  role?: SessionRole;
}

/** Who acts and on which version: every write carries it so the worker can answer 409. */
export interface WriteStamp {
  expectedVersion: number;
  ticketId: string;
  actor: string;
}

export type ActionBody = WriteStamp & ActionDetails & { action: ThreadAction };
export type SummaryBody = WriteStamp & { text: string };
export type TransferBody = WriteStamp & {
  /** The same id on a retry: the Worker records the transfer once. */
  requestId: string;
  to: "human" | "ai";
  mode?: TransferMode;
  role: SessionRole;
  /** The person's name; the customer is told the first name only. */
  name: string;
};

export interface ChatMessageBody {
  /** The same id on a retry: the customer is sent the message once. */
  id: string;
  text: string;
  ticketId: string;
  /** The person's name; the customer is shown the first name only. */
  name: string;
}

export interface ChatMessageAccepted {
  accepted: number;
  duplicates: number;
}

export function workerApi(
  client: ZafClient,
  workerUrl: string,
  timeoutMs = CALL_TIMEOUT_MS,
): WorkerApi {
  const base = workerUrl.replace(/\/+$/, "");
  async function call<T>(type: "GET" | "POST" | "PUT", path: string, body?: unknown) {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const late = new Promise<Outcome<T>>((resolve) => {
      timer = setTimeout(
        () => resolve({ kind: "failed", status: 0, message: null, timedOut: true }),
        timeoutMs,
      );
    });
    try {
      return await Promise.race([answer<T>(type, path, body), late]);
    } finally {
      clearTimeout(timer);
    }
  }
  // Zendesk's proxy honours `timeout`; the race covers a proxy or network that never answers.
  async function answer<T>(type: "GET" | "POST" | "PUT", path: string, body?: unknown) {
    try {
      const response = await client.request({
        url: `${base}${path}`,
        type,
        contentType: "application/json",
        ...(body === undefined ? {} : { data: JSON.stringify(body) }),
        headers: { Authorization: "Bearer {{setting.appSecret}}" },
        secure: true,
        cors: false,
        httpCompleteResponse: true,
        timeout: timeoutMs,
      });
      // Some proxies resolve non-2xx answers instead of rejecting them.
      if (response.status >= 300) return failureOf(response);
      return { kind: "ok", status: response.status, body: bodyOf(response) as T } as Outcome<T>;
    } catch (reason) {
      return failureOf(reason);
    }
  }
  const thread = (id: string) => `/v1/threads/${encodeURIComponent(id)}`;
  // Note ids look like note:3fa2…; the colon is legal in a path segment and kept readable.
  const noteSegment = (id: string) => encodeURIComponent(id).replace(/%3A/gi, ":");
  return {
    ticketContext: (ticketId) => call("GET", `/v1/tickets/${encodeURIComponent(ticketId)}/context`),
    events: (threadId, after) => call("GET", `${thread(threadId)}/events?after=${after}&limit=1`),
    act: (threadId, body) => call("POST", `${thread(threadId)}/actions`, body),
    editSummary: (threadId, body) => call("PUT", `${thread(threadId)}/summary`, body),
    retryNote: (threadId, noteId) =>
      call("POST", `${thread(threadId)}/notes/${noteSegment(noteId)}/retry`),
    sessionToken: (threadId, body) => call("POST", `${thread(threadId)}/session-tokens`, body),
    transfer: (threadId, body) => call("POST", `${thread(threadId)}/transfers`, body),
    writeToChat: (threadId, body) => call("POST", `${thread(threadId)}/chat-messages`, body),
  };
}
