/**
 * The host side of the ZAF SDK's postMessage protocol, as the Support agent workspace speaks it
 * (zendesk_app_framework_sdk lib/client.js is the other side):
 *
 *   iframe → host  {key:"iframe.handshake", message:{version}, appGuid, instanceGuid}
 *   host → iframe  {key:"zaf.app.registered", message:{context, metadata}}
 *   iframe → host  {key:"iframe.on:<event>"|"iframe.off:<event>", message:{subscriberCount}}
 *   host → iframe  {key:"zaf.<event>", message:<data>}
 *   iframe → host  {id, request:"get"|"set"|"invoke", params, appGuid, instanceGuid}
 *   host → iframe  {id, result:{<path>: value, errors:{<path>: {message, name, path}}}}
 *   iframe → host  {key:"request:<n>", message:<options>}
 *   host → iframe  {key:"zaf.request:<n>.done"|".fail", message:{responseArgs:[…]}}
 *
 * Messages travel as JSON strings; each side checks the other's origin and window.
 */

export interface ZafContext {
  instanceGuid: string;
  product: "support";
  account: { subdomain: string };
  location: "ticket_sidebar" | "nav_bar";
  ticketId?: number;
}

export interface ZafMetadata {
  appId: number;
  installationId: number;
  name: string;
  version: string;
  settings: Record<string, string | number | boolean>;
  plan: { name: string };
}

/** An answer for `get`: a value, or why there is none. */
export type Lookup = { value: unknown } | { error: string };

/** What the workspace does for the app: data to read and the things `invoke` can ask for. */
export interface HostServices {
  get(path: string, context: ZafContext): Lookup;
  resize(size: { width?: string; height?: string }): void;
  routeTo(kind: string, id: string): string | null;
  notify(message: string, kind: string): void;
  request(options: unknown): Promise<{ done: boolean; responseArgs: unknown[] }>;
}

interface Message {
  key?: string;
  message?: unknown;
  id?: number;
  request?: string;
  params?: unknown;
  appGuid?: string;
  instanceGuid?: string;
}

/** One app instance: one iframe in one location, with its own guid and subscriptions. */
export class ZafInstance {
  readonly subscriptions = new Map<string, number>();
  registered = false;
  /** Every message in either direction, for tests and for the curious (window.__zafLog). */
  readonly log: { direction: "in" | "out"; data: unknown }[] = [];

  constructor(
    readonly iframe: HTMLIFrameElement,
    readonly appOrigin: string,
    readonly context: ZafContext,
    private readonly metadata: ZafMetadata,
    private readonly services: HostServices,
  ) {}

  get guid(): string {
    return this.context.instanceGuid;
  }

  private post(data: Record<string, unknown>) {
    this.log.push({ direction: "out", data });
    this.iframe.contentWindow?.postMessage(JSON.stringify(data), this.appOrigin);
  }

  /** Fire a framework event (`ticket.updated`, `app.activated`…) if the app listens to it. */
  emit(event: string, message?: unknown): boolean {
    if (!this.registered || !(this.subscriptions.get(event) ?? 0)) return false;
    this.post({ key: `zaf.${event}`, message });
    return true;
  }

  receive(raw: unknown): void {
    let data: Message;
    try {
      data = (typeof raw === "string" ? JSON.parse(raw) : raw) as Message;
    } catch {
      return;
    }
    if (!data || typeof data !== "object") return;
    this.log.push({ direction: "in", data });
    if (data.instanceGuid !== undefined && data.instanceGuid !== this.guid) return;
    if (typeof data.id === "number" && typeof data.request === "string")
      return this.answer(data.id, data.request, data.params);
    const key = data.key ?? "";
    if (key === "iframe.handshake") {
      this.registered = true;
      this.post({
        key: "zaf.app.registered",
        message: { context: this.context, metadata: this.metadata },
      });
      return;
    }
    const on = key.match(/^iframe\.(on|off):(.+)$/);
    if (on) {
      const count = (data.message as { subscriberCount?: number } | undefined)?.subscriberCount;
      this.subscriptions.set(on[2]!, typeof count === "number" ? count : on[1] === "on" ? 1 : 0);
      return;
    }
    const request = key.match(/^request:(\d+)$/);
    if (request) {
      void this.services.request(data.message).then((answer) =>
        this.post({
          key: `zaf.${key}.${answer.done ? "done" : "fail"}`,
          message: { responseArgs: answer.responseArgs },
        }),
      );
      return;
    }
    // `iframe.trigger:<event>` (app-to-app events) and `iframe.reply:` need no answer here.
  }

  private answer(id: number, request: string, params: unknown) {
    const result: Record<string, unknown> = {};
    const errors: Record<string, { message: string; name: string; path: string }> = {};
    const fail = (path: string, message: string) =>
      (errors[path] = { message, name: "AppError", path });
    if (request === "get" && Array.isArray(params)) {
      for (const path of params as string[]) {
        const found = this.services.get(path, this.context);
        if ("value" in found) result[path] = found.value;
        else fail(path, found.error);
      }
    } else if (request === "set" && params && typeof params === "object") {
      for (const path of Object.keys(params))
        fail(path, "the local preview does not change Zendesk data; set is not supported");
    } else if (request === "invoke" && params && typeof params === "object") {
      for (const [name, args] of Object.entries(params as Record<string, unknown[]>)) {
        const problem = this.invoke(name, Array.isArray(args) ? args : []);
        if (problem) fail(name, problem);
      }
    } else {
      this.post({ id, error: { message: `unknown request ${request}`, name: "AppError" } });
      return;
    }
    this.post({ id, result: { ...result, errors } });
  }

  /** Run one `invoke` action; a string is the reason it failed. */
  private invoke(name: string, args: unknown[]): string | null {
    if (name === "resize") {
      const size = (args[0] ?? {}) as { width?: unknown; height?: unknown };
      const width = typeof size.width === "string" ? size.width : undefined;
      const height = typeof size.height === "string" ? size.height : undefined;
      if (width === undefined && height === undefined)
        return "resize needs { width, height } as strings (e.g. '100%', '400px')";
      this.services.resize({ ...(width && { width }), ...(height && { height }) });
      return null;
    }
    if (name === "routeTo") {
      const [kind, id] = args.map(String);
      return this.services.routeTo(kind ?? "", id ?? "");
    }
    if (name === "notify") {
      const [message, kind] = args;
      if (typeof message !== "string") return "notify needs a message";
      this.services.notify(message, typeof kind === "string" ? kind : "notice");
      return null;
    }
    return `the local preview cannot invoke "${name}"`;
  }
}

/**
 * Routes window messages to the instance whose iframe sent them. A message counts only if it
 * comes from the app's origin and from one of the app's iframes, as the SDK itself checks.
 */
export class ZafHost {
  private readonly instances: ZafInstance[] = [];

  constructor(private readonly appOrigin: string) {
    window.addEventListener("message", (event: MessageEvent) => {
      if (event.origin !== this.appOrigin) return;
      const instance = this.instances.find((i) => i.iframe.contentWindow === event.source);
      if (!instance) return;
      if (!this.forward(instance, event.data)) instance.receive(event.data);
    });
  }

  /**
   * `client.instance(guid).trigger(name, data)` sends `iframe.trigger:<name>` stamped with the
   * other instance's guid; the workspace hands it to that instance of the same app as
   * `zaf.<name>`, if it listens.
   */
  private forward(from: ZafInstance, raw: unknown): boolean {
    let data: { key?: unknown; message?: unknown; instanceGuid?: unknown };
    try {
      data = (typeof raw === "string" ? JSON.parse(raw) : raw) as typeof data;
    } catch {
      return false;
    }
    const name =
      typeof data?.key === "string" ? data.key.match(/^iframe\.trigger:(.+)$/)?.[1] : null;
    if (!name || data.instanceGuid === from.guid) return false;
    from.log.push({ direction: "in", data });
    this.instances.find((i) => i.guid === data.instanceGuid)?.emit(name, data.message);
    return true;
  }

  add(instance: ZafInstance): ZafInstance {
    this.instances.push(instance);
    return instance;
  }

  all(): readonly ZafInstance[] {
    return this.instances;
  }
}
