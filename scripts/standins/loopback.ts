import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** A request a stand-in received, kept so tests can assert on what the Worker sent. */
export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  authorized: boolean;
  /** Request headers, without credentials (authorization, cookie). */
  headers: Record<string, string>;
  body: unknown;
  status: number;
  at: string;
}

/** A scripted failure: the next `times` matching requests answer `status` (or hang past the timeout). */
export interface FailurePlan {
  status: number;
  times: number;
  retryAfter?: number;
  /** Only requests with these methods fail; default: writes (POST, PUT, PATCH, DELETE). */
  methods?: string[];
  /** Apply the write, then answer with the failure: a crash after the vendor accepted it. */
  afterApplying?: boolean;
  /** Hold the answer this long (simulates a timeout) before failing. */
  delayMs?: number;
  /** Only requests whose path (after the space) matches this regular expression fail. */
  path?: string;
}

export interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** Sent as it is instead of JSON (a consent page's HTML); give its content-type in headers. */
  raw?: string;
}

export interface Route {
  method: string;
  pattern: RegExp;
  handle: (
    match: RegExpMatchArray,
    request: { body: unknown; query: URLSearchParams; authorization: string | undefined },
  ) => Reply | Promise<Reply>;
}

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Reply {
  return { status, body, headers };
}

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString("utf8");
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function send(res: ServerResponse, reply: Reply) {
  res.writeHead(reply.status, { "content-type": "application/json", ...reply.headers });
  res.end(reply.raw ?? (reply.body === undefined ? "" : JSON.stringify(reply.body)));
}

const UNRECORDED_HEADERS = new Set(["authorization", "cookie"]);

/**
 * One vendor stand-in hosting many isolated spaces (one per tenant or journey):
 * `/s/<space>/<vendor path>` is the vendor API, `/__control/<space>/…` lets a test load data,
 * script failures and read what was received.
 */
export abstract class LoopbackVendor<SpaceState> {
  private server: Server | null = null;
  protected readonly spaces = new Map<
    string,
    { state: SpaceState; recorded: RecordedRequest[]; failures: FailurePlan[] }
  >();
  url = "";

  protected abstract emptySpace(name: string): SpaceState;
  protected abstract routes(space: SpaceState): Route[];
  protected abstract load(space: SpaceState, data: unknown): void;
  protected abstract authorized(space: SpaceState, authorization: string | undefined): boolean;
  protected abstract snapshot(space: SpaceState): unknown;

  /** Paths answered without the space's credentials (a vendor's OAuth endpoints). */
  protected open(_path: string): boolean {
    return false;
  }

  protected space(name: string) {
    let space = this.spaces.get(name);
    if (!space) {
      space = { state: this.emptySpace(name), recorded: [], failures: [] };
      this.spaces.set(name, space);
    }
    return space;
  }

  baseUrl(space: string): string {
    return `${this.url}/s/${space}`;
  }

  async start(port = 0): Promise<string> {
    this.server = createServer((req, res) => {
      this.dispatch(req, res).catch((error: unknown) =>
        send(res, json(500, { error: String(error) })),
      );
    });
    await new Promise<void>((resolve) => this.server!.listen(port, "127.0.0.1", resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this.url;
  }

  async stop(): Promise<void> {
    if (!this.server) return;
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server!.close(() => resolve()));
  }

  private async dispatch(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? "/", "http://localhost");
    const body = await readBody(req);
    const control = url.pathname.match(/^\/__control\/([^/]+)\/(load|fail|requests|state|reset)$/);
    if (control)
      return send(res, this.control(control[1]!, control[2]!, req.method ?? "GET", body));

    const scoped = url.pathname.match(/^\/s\/([^/]+)(\/.*)$/);
    if (!scoped) return send(res, json(404, { error: "unknown space" }));
    const space = this.space(scoped[1]!);
    const path = scoped[2]!;
    const method = req.method ?? "GET";
    const authorization = req.headers.authorization;
    const record = (status: number) =>
      space.recorded.push({
        method,
        path,
        query: Object.fromEntries(url.searchParams),
        authorized: this.authorized(space.state, authorization),
        headers: Object.fromEntries(
          Object.entries(req.headers)
            .filter(([name]) => !UNRECORDED_HEADERS.has(name))
            .map(([name, value]) => [
              name,
              Array.isArray(value) ? value.join(", ") : String(value),
            ]),
        ),
        body,
        status,
        at: new Date().toISOString(),
      });

    if (!this.open(path) && !this.authorized(space.state, authorization)) {
      record(401);
      return send(res, json(401, { error: "Couldn't authenticate you" }));
    }
    const failure = space.failures.find(
      (f) =>
        f.times > 0 &&
        (f.methods ?? ["POST", "PUT", "PATCH", "DELETE"]).includes(method) &&
        (f.path === undefined || new RegExp(f.path).test(path)),
    );
    const route = this.routes(space.state).find((r) => r.method === method && r.pattern.test(path));
    if (failure) {
      failure.times--;
      if (failure.afterApplying && route)
        await route.handle(path.match(route.pattern)!, {
          body,
          query: url.searchParams,
          authorization,
        });
      if (failure.delayMs) await new Promise((resolve) => setTimeout(resolve, failure.delayMs));
      record(failure.status);
      const headers: Record<string, string> =
        failure.retryAfter !== undefined ? { "retry-after": String(failure.retryAfter) } : {};
      return send(res, json(failure.status, { error: `scripted ${failure.status}` }, headers));
    }
    if (!route) {
      record(404);
      return send(res, json(404, { error: "RecordNotFound", description: "Not found" }));
    }
    const reply = await route.handle(path.match(route.pattern)!, {
      body,
      query: url.searchParams,
      authorization,
    });
    record(reply.status);
    return send(res, reply);
  }

  private control(name: string, action: string, method: string, body: unknown): Reply {
    if (action === "reset") {
      this.spaces.delete(name);
      return json(200, { ok: true });
    }
    const space = this.space(name);
    if (action === "load" && method === "POST") {
      this.load(space.state, body);
      return json(200, { ok: true });
    }
    if (action === "fail" && method === "POST") {
      space.failures.push({ ...(body as FailurePlan) });
      return json(200, { ok: true });
    }
    if (action === "requests") return json(200, { requests: space.recorded });
    if (action === "state") return json(200, this.snapshot(space.state));
    return json(405, { error: "unsupported control call" });
  }
}
