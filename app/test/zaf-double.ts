import type {
  ZafClient,
  ZafHandler,
  ZafRequestOptions,
  ZafResponse,
  ZafUser,
} from "../src/zaf/client";

export const WORKER_URL = "https://continuity.example.workers.dev";

export interface SeenRequest {
  method: string;
  /** Path and query, without the worker URL. */
  path: string;
  body: unknown;
  options: ZafRequestOptions;
}

export interface Reply {
  status: number;
  body?: unknown;
}

export type Worker = (request: SeenRequest) => Reply | Promise<Reply>;

export interface ZafDouble extends ZafClient {
  requests: SeenRequest[];
  invocations: { name: string; args: unknown[] }[];
  /** Custom events sent to other instances of the app (`client.instance(guid).trigger`). */
  triggered: { instanceGuid: string; name: string; data: unknown }[];
  /** Fire a framework event as Zendesk would (ticket.updated, app.registered, …). */
  emit(name: string, data?: unknown): void;
  subscribed(name: string): number;
}

/**
 * Stands in for the ZAF client in jsdom: answers get/metadata/context from the options, and
 * sends client.request to `worker`, resolving 2xx and rejecting the rest the way the framework
 * does with httpCompleteResponse (status, responseText, responseJSON).
 */
export function zafDouble(
  options: {
    worker?: Worker;
    locale?: string;
    ticketId?: number | null;
    user?: ZafUser;
    workerUrl?: string | null;
    location?: string;
    registered?: boolean;
    /** Other instances of the app open in the agent's Zendesk, as `client.get('instances')` lists. */
    instances?: { instanceGuid: string; location: string; ticketId?: number }[];
    requester?: { id: number; name?: string } | null;
    /**
     * The worker serves live-session tokens. Without it the double answers them 404, as a Worker
     * without live sessions would, and the sidebar polls: tests not about sessions see no socket.
     */
    sessions?: boolean;
    /** More of the installation's settings than the Worker URL. */
    settings?: Record<string, unknown>;
  } = {},
): ZafDouble {
  const handlers = new Map<string, Set<ZafHandler>>();
  const requests: SeenRequest[] = [];
  const invocations: { name: string; args: unknown[] }[] = [];
  const user: ZafUser = options.user ?? { id: 7, name: "Ana Agent", locale: options.locale };
  const values: Record<string, unknown> = {
    "currentUser.locale": options.locale ?? "en-US",
    "ticket.id": options.ticketId === undefined ? 101 : options.ticketId,
    currentUser: user,
    "ticket.requester":
      options.requester === undefined ? { id: 55, name: "Dana Reyes" } : options.requester,
    instances: Object.fromEntries(
      [{ instanceGuid: "own-guid", location: options.location ?? "ticket_sidebar" }]
        .concat(options.instances ?? [])
        .map((i) => [i.instanceGuid, i]),
    ),
  };
  const triggered: ZafDouble["triggered"] = [];
  const workerUrl = options.workerUrl === undefined ? WORKER_URL : options.workerUrl;
  const worker: Worker = options.worker ?? (() => ({ status: 404, body: notFound() }));

  const client: ZafDouble = {
    ready: options.registered ?? true,
    requests,
    invocations,
    triggered,
    instance(instanceGuid) {
      return { trigger: (name, data) => void triggered.push({ instanceGuid, name, data }) };
    },
    on(name, handler) {
      if (!handlers.has(name)) handlers.set(name, new Set());
      handlers.get(name)!.add(handler);
    },
    off(name, handler) {
      handlers.get(name)?.delete(handler);
    },
    emit(name, data) {
      for (const handler of [...(handlers.get(name) ?? [])]) handler(data);
    },
    subscribed(name) {
      return handlers.get(name)?.size ?? 0;
    },
    async get(path) {
      const paths = Array.isArray(path) ? path : [path];
      return Object.fromEntries(paths.map((p) => [p, values[p]]));
    },
    async invoke(name, ...args) {
      invocations.push({ name, args });
      return {};
    },
    async request(request) {
      const path = request.url.startsWith(WORKER_URL)
        ? request.url.slice(WORKER_URL.length)
        : request.url;
      const seen: SeenRequest = {
        method: request.type,
        path,
        body: request.data === undefined ? undefined : JSON.parse(request.data),
        options: request,
      };
      requests.push(seen);
      const reply =
        path.endsWith("/session-tokens") && !options.sessions
          ? { status: 404, body: notFound() }
          : await worker(seen);
      const response: ZafResponse = {
        status: reply.status,
        responseText: reply.body === undefined ? "" : JSON.stringify(reply.body),
        ...(reply.body === undefined ? {} : { responseJSON: reply.body }),
      };
      if (reply.status >= 200 && reply.status < 300) return response;
      throw { ...response, statusText: "error" };
    },
    async metadata() {
      return {
        settings: { ...(workerUrl === null ? {} : { workerUrl }), ...options.settings },
      };
    },
    async context() {
      return { location: options.location ?? "ticket_sidebar", instanceGuid: "own-guid" };
    },
  };
  return client;
}

export function notFound(message = "Continuity knows no thread for this ticket") {
  return { error: { code: "not_found", message } };
}

/** The requests that are not the routine context read, event poll or live-session token. */
export function writes(client: ZafDouble): SeenRequest[] {
  return client.requests.filter((r) => r.method !== "GET" && !r.path.endsWith("/session-tokens"));
}

export function contextReads(client: ZafDouble): SeenRequest[] {
  return client.requests.filter((r) => r.method === "GET" && r.path.endsWith("/context"));
}
