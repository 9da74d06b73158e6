import type { ProxyAnswer } from "../workspace-view";
import type { View, WorkspaceModel } from "./workspace-model";
import { ZafHost, ZafInstance, type HostServices, type Lookup, type ZafContext } from "./zaf-host";

/**
 * The workspace as the app's ZAF host: what `get`, `invoke`, `request` and the framework events
 * answer for the preview workspace's data (its tickets, current user and account, the app's
 * instances), and which instance runs where. The DOM stays with the page (WorkspaceScreen).
 */

/** What `invoke` can make Support do on screen: route somewhere, or show a notification. */
export interface WorkspaceScreen {
  openTicket(id: number): void;
  showNavBar(): void;
  toast(message: string, kind: string): void;
}

export class WorkspaceZafHost {
  readonly host: ZafHost;
  private readonly sidebarApps = new Map<number, ZafInstance>();
  private navBarApp: ZafInstance | null = null;
  private lastSeen = new Map<number, { updatedAt: string; status: string }>();

  constructor(
    private readonly model: WorkspaceModel,
    private readonly screen: WorkspaceScreen,
  ) {
    this.host = new ZafHost(model.data.app.origin);
  }

  newGuid(): string {
    return crypto.randomUUID();
  }

  /** Support deactivates the app the agent leaves for ticket `ticketId`'s sidebar. */
  leaveForTicket(previous: View | null, ticketId: number) {
    if (previous?.kind === "ticket" && previous.id !== ticketId)
      this.sidebarApps.get(previous.id)?.emit("app.deactivated");
    if (previous?.kind === "nav_bar") this.navBarApp?.emit("app.deactivated");
  }

  /** Support deactivates the sidebar app of the ticket the agent leaves for the nav bar. */
  leaveForNavBar(previous: View | null) {
    if (previous?.kind === "ticket") this.sidebarApps.get(previous.id)?.emit("app.deactivated");
  }

  /** Each ticket's sidebar app's iframe, by ticket id. */
  sidebarFrames(): [number, HTMLIFrameElement][] {
    return [...this.sidebarApps].map(([id, app]) => [id, app.iframe]);
  }

  /** Activates ticket `ticketId`'s sidebar app again, if it has one; says whether it had. */
  resumeSidebarApp(ticketId: number): boolean {
    const existing = this.sidebarApps.get(ticketId);
    if (!existing) return false;
    existing.emit("app.activated", { firstLoad: false });
    return true;
  }

  /** Activates the nav bar app again, if it has loaded; says whether it had. */
  resumeNavBarApp(): boolean {
    if (!this.navBarApp) return false;
    this.navBarApp.emit("app.activated", { firstLoad: false });
    return true;
  }

  /** Hosts the app's ticket_sidebar instance for ticket `ticketId` in `iframe`. */
  addSidebarApp(ticketId: number, guid: string, iframe: HTMLIFrameElement) {
    const context: ZafContext = {
      instanceGuid: guid,
      product: "support",
      account: { subdomain: this.model.data.account.subdomain },
      location: "ticket_sidebar",
      ticketId,
    };
    const instance = new ZafInstance(
      iframe,
      this.model.data.app.origin,
      context,
      this.metadata(),
      this.services(() => iframe),
    );
    this.sidebarApps.set(ticketId, this.host.add(instance));
  }

  /** Hosts the app's nav_bar instance in `iframe`. */
  addNavBarApp(guid: string, iframe: HTMLIFrameElement) {
    const context: ZafContext = {
      instanceGuid: guid,
      product: "support",
      account: { subdomain: this.model.data.account.subdomain },
      location: "nav_bar",
    };
    this.navBarApp = this.host.add(
      new ZafInstance(
        iframe,
        this.model.data.app.origin,
        context,
        this.metadata(),
        this.services(() => iframe),
      ),
    );
  }

  private services(frame: () => HTMLIFrameElement): HostServices {
    return {
      get: (path, context) => this.lookup(path, context),
      resize: ({ width, height }) => {
        if (height) frame().style.height = height;
        if (width) frame().style.width = width;
      },
      routeTo: (kind, id) => {
        if (kind === "nav_bar") {
          this.screen.showNavBar();
          return null;
        }
        if (kind !== "ticket") return `the local preview cannot route to "${kind}"`;
        if (!this.model.ticket(Number(id))) return `there is no ticket ${id}`;
        this.screen.openTicket(Number(id));
        return null;
      },
      notify: (message, kind) => this.screen.toast(message, kind),
      request: (options) => this.request(options),
    };
  }

  private metadata() {
    const app = this.model.data.app;
    return {
      appId: app.appId,
      installationId: app.installationId,
      name: app.name,
      version: app.version,
      settings: app.settings,
      plan: { name: "preview" },
    };
  }

  /** What `client.get(path)` answers: the current user, the account and, in a sidebar, its ticket. */
  private lookup(path: string, context: ZafContext): Lookup {
    const agent = this.model.data.agent;
    const ticket = context.ticketId === undefined ? undefined : this.model.ticket(context.ticketId);
    const user = (p: { id: number; name: string; email: string | null }) => ({
      id: p.id,
      name: p.name,
      email: p.email,
    });
    const roots: Record<string, unknown> = {
      currentUser: {
        id: agent.id,
        name: agent.name,
        email: agent.email,
        locale: agent.locale,
        role: agent.role,
        timeZone: { ianaName: "UTC" },
      },
      currentAccount: { subdomain: this.model.data.account.subdomain, planName: "preview" },
      instances: Object.fromEntries(
        this.host.all().map((i) => [
          i.guid,
          {
            instanceGuid: i.guid,
            location: i.context.location,
            ...(i.context.ticketId !== undefined && { ticketId: i.context.ticketId }),
          },
        ]),
      ),
      ...(ticket && {
        ticket: {
          id: ticket.id,
          subject: ticket.subject,
          status: ticket.status,
          priority: ticket.priority,
          tags: ticket.tags,
          via: { channel: ticket.via },
          requester: user(ticket.requester),
          assignee: { user: user(agent), group: null },
          updatedAt: ticket.updatedAt,
          comments: ticket.comments.map((c) => ({
            id: c.id,
            value: c.body,
            author: user(c.author),
            imageList: [],
            nonImageAttachments: [],
          })),
        },
      }),
    };
    let value: unknown = roots;
    for (const part of path.split(".")) {
      if (value === null || typeof value !== "object" || !(part in value))
        return { error: `Could not find handler for: "${path}"` };
      value = (value as Record<string, unknown>)[part];
    }
    return { value };
  }

  /**
   * `client.request`: the server makes it (filling secure settings in); here it is only turned
   * into the arguments jQuery-style callbacks get, which the SDK resolves or rejects with.
   */
  private async request(options: unknown): Promise<{ done: boolean; responseArgs: unknown[] }> {
    const opts = (options ?? {}) as { dataType?: string; httpCompleteResponse?: boolean };
    let answer: ProxyAnswer;
    const response = await fetch("/api/zaf/request", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ options }),
    });
    const text = await response.text();
    if (response.status === 200) answer = JSON.parse(text) as ProxyAnswer;
    else
      answer = {
        status: response.status,
        statusText: response.statusText,
        headers: { "content-type": "application/json" },
        body: text,
      };
    const isJson =
      (answer.headers["content-type"] ?? "").includes("json") || opts.dataType === "json";
    let responseJSON: unknown;
    if (isJson)
      try {
        responseJSON = JSON.parse(answer.body);
      } catch {
        responseJSON = undefined;
      }
    const done = answer.status >= 200 && answer.status < 300;
    const xhr = {
      status: answer.status,
      statusText: answer.statusText,
      responseText: answer.body,
      ...(responseJSON !== undefined && { responseJSON }),
      readyState: 4,
    };
    if (opts.httpCompleteResponse)
      return {
        done,
        responseArgs: [
          {
            status: answer.status,
            responseText: answer.body,
            responseJSON,
            headers: answer.headers,
          },
        ],
      };
    return done
      ? {
          done,
          responseArgs: [responseJSON !== undefined ? responseJSON : answer.body, "success", xhr],
        }
      : { done, responseArgs: [xhr, "error", answer.statusText] };
  }

  /** Tell each ticket's app what Support would: its ticket was updated, or changed status. */
  notifyChanges() {
    for (const ticket of this.model.data.tickets) {
      const before = this.lastSeen.get(ticket.id);
      const app = this.sidebarApps.get(ticket.id);
      if (before && app) {
        if (before.updatedAt !== ticket.updatedAt)
          app.emit("ticket.updated", {
            id: ticket.id,
            status: ticket.status,
            updatedAt: ticket.updatedAt,
          });
        if (before.status !== ticket.status) app.emit("ticket.status.changed", ticket.status);
      }
    }
    this.remember();
  }

  /** Note each ticket's update time and status, to notice changes against. */
  remember() {
    this.lastSeen = new Map(
      this.model.data.tickets.map((t) => [t.id, { updatedAt: t.updatedAt, status: t.status }]),
    );
  }
}
