import type { ChapterView, ProxyAnswer, TicketView, WorkspaceView } from "../workspace-view";
import { ZafHost, ZafInstance, type HostServices, type Lookup, type ZafContext } from "./zaf-host";

/**
 * The workspace page: a minimal Support agent workspace (views, ticket tabs, the conversation,
 * the apps sidebar and a nav bar) hosting the app's iframes, plus the demo journey's controls.
 */

type Child = Node | string | null | undefined | false;

function h(tag: string, attributes: Record<string, string | undefined> = {}, ...children: Child[]) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes))
    if (value !== undefined) element.setAttribute(name, value);
  for (const child of children)
    if (child !== null && child !== undefined && child !== false)
      element.append(typeof child === "string" ? document.createTextNode(child) : child);
  return element;
}

async function api<T>(path: string, body?: unknown): Promise<T> {
  const response = await fetch(
    path,
    body === undefined
      ? {}
      : {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify(body),
        },
  );
  const answer = (await response.json()) as T & { error?: { message: string } };
  if (!response.ok) throw new Error(answer.error?.message ?? `${path} answered ${response.status}`);
  return answer;
}

const VIA: Record<string, string> = {
  chat: "Chat",
  email: "Email",
  voice: "Voice",
  web: "Web form",
  native_messaging: "Messaging",
  whatsapp: "WhatsApp",
};

type View = { kind: "ticket"; id: number } | { kind: "nav_bar" };

class Workspace {
  private data!: WorkspaceView;
  private readonly openTabs: number[] = [];
  private view: View | null = null;
  private host!: ZafHost;
  private readonly sidebarApps = new Map<number, ZafInstance>();
  private navBarApp: ZafInstance | null = null;
  private lastSeen = new Map<number, { updatedAt: string; status: string }>();
  private busy = false;

  private readonly root = document.getElementById("workspace")!;
  private readonly journeyPanel = h("section", { class: "journey", "aria-label": "Demo journey" });
  private readonly viewsPanel = h("nav", { class: "views", "aria-label": "Tickets" });
  private readonly tabs = h("div", {
    class: "tabs",
    role: "tablist",
    "aria-label": "Open tickets",
  });
  private readonly ticketPane = h("section", { class: "ticket", "aria-live": "polite" });
  private readonly sidebar = h("aside", { class: "apps", "aria-label": "Apps" });
  private readonly navBarPane = h("section", { class: "nav-bar-app", hidden: "" });
  private readonly toasts = h("div", { class: "toasts", role: "status", "aria-live": "polite" });

  async start() {
    this.data = await api<WorkspaceView>("/api/workspace");
    this.host = new ZafHost(this.data.app.origin);
    this.layout();
    this.render();
    // ?ticket=<id> opens that ticket first (links, benchmarks); otherwise the first one.
    const wanted = Number(new URLSearchParams(window.location.search).get("ticket"));
    const first = this.ticket(wanted) ?? this.data.tickets[0];
    if (first) this.openTicket(first.id);
    this.remember();
    // Zendesk pushes ticket changes; the preview notices them by reading the stand-in.
    setInterval(() => void this.refresh(), 1500);
    Object.assign(window, { __preview: this });
  }

  private layout() {
    const navIcon = this.data.app.navBarIcon
      ? h("img", { src: this.data.app.navBarIcon, alt: "", width: "22", height: "22" })
      : this.data.app.name.slice(0, 1);
    this.root.replaceChildren(
      h(
        "header",
        { class: "topbar" },
        h("span", { class: "brand" }, "Support"),
        h("span", { class: "crumb" }, `${this.data.app.name} · local preview`),
        h(
          "span",
          { class: "tenant" },
          `${this.data.account.subdomain} · tenant ${this.data.tenantId}`,
        ),
        this.panelToggle(),
        h("span", { class: "agent", title: this.data.agent.email }, this.data.agent.name),
      ),
      h(
        "div",
        { class: "body" },
        h(
          "nav",
          { class: "rail", "aria-label": "Product" },
          this.railButton("Tickets", "☰", () => this.showTickets(), "rail-tickets"),
          this.data.app.locations.nav_bar
            ? this.railButton(this.data.app.name, navIcon, () => this.showNavBar(), "rail-app")
            : null,
        ),
        h("div", { class: "left" }, this.journeyPanel, this.viewsPanel),
        h("main", { class: "main" }, this.tabs, this.ticketPane, this.navBarPane),
        this.sidebar,
      ),
      this.toasts,
    );
    this.sidebar.append(h("h2", { class: "apps-title" }, "Apps"));
  }

  /** The demo panel is the preview's, not Support's: it can step aside (for screenshots). */
  private panelToggle() {
    const button = h(
      "button",
      {
        type: "button",
        class: "panel-toggle",
        "aria-pressed": "true",
        "data-testid": "preview-toggle-panel",
      },
      "Demo panel",
    );
    button.addEventListener("click", () => {
      const shown = this.root.classList.toggle("without-panel") === false;
      button.setAttribute("aria-pressed", String(shown));
    });
    return button;
  }

  private railButton(label: string, icon: Node | string, onClick: () => void, id: string) {
    const button = h(
      "button",
      { type: "button", "aria-label": label, title: label, "data-testid": id },
      icon,
    );
    button.addEventListener("click", onClick);
    return button;
  }

  private render() {
    this.renderJourney();
    this.renderViews();
    this.renderTabs();
    this.renderTicket();
  }

  private renderJourney() {
    const chapters = this.data.chapters;
    const next = chapters.find((c) => !c.played);
    const playNext = h(
      "button",
      { type: "button", class: "primary", "data-testid": "preview-play-next" },
      next ? `Play: ${next.title}` : "Journey played",
    ) as HTMLButtonElement;
    playNext.disabled = !next || this.busy;
    playNext.addEventListener("click", () => void this.play(false));
    const playAll = h(
      "button",
      { type: "button", "data-testid": "preview-play-all" },
      "Play all",
    ) as HTMLButtonElement;
    playAll.disabled = !next || this.busy;
    playAll.addEventListener("click", () => void this.play(true));
    const reset = h(
      "button",
      { type: "button", "data-testid": "preview-reset" },
      "Start over",
    ) as HTMLButtonElement;
    reset.disabled = this.busy;
    reset.addEventListener("click", () => void this.reset());
    this.journeyPanel.replaceChildren(
      h("h2", {}, "Demo journey"),
      h(
        "p",
        { class: "hint" },
        `One customer (${this.data.customer}), three contacts. Play them one by one and watch the sidebar.`,
      ),
      h("ol", { class: "chapters" }, ...chapters.map((c, i) => this.chapterItem(c, i, c === next))),
      h("div", { class: "buttons" }, playNext, playAll, reset),
    );
  }

  private chapterItem(chapter: ChapterView, index: number, isNext: boolean) {
    const failed = chapter.checks.filter((c) => !c.ok);
    const state = chapter.played
      ? failed.length
        ? "failed"
        : "played"
      : isNext
        ? "next"
        : "later";
    return h(
      "li",
      { class: `chapter ${state}`, "data-testid": `chapter-${index}`, "data-state": state },
      h("strong", {}, chapter.title),
      (chapter.played || isNext) && h("p", {}, chapter.text),
      chapter.played &&
        h(
          "details",
          {},
          h(
            "summary",
            {},
            failed.length
              ? `${failed.length} of ${chapter.checks.length} checks failed`
              : `${chapter.checks.length} checks passed`,
          ),
          h(
            "ul",
            {},
            ...chapter.checks.map((c) => h("li", { class: c.ok ? "ok" : "bad" }, c.message)),
          ),
        ),
    );
  }

  private renderViews() {
    const rows = this.data.tickets.map((t) => {
      const button = h(
        "button",
        {
          type: "button",
          class: "ticket-row",
          "data-testid": `ticket-row-${t.id}`,
          "aria-current":
            this.view?.kind === "ticket" && this.view.id === t.id ? "page" : undefined,
        },
        h("span", { class: `status ${t.status}` }, t.status.slice(0, 1).toUpperCase()),
        h(
          "span",
          { class: "row-text" },
          h("span", { class: "row-subject" }, t.subject),
          h(
            "span",
            { class: "row-meta" },
            `#${t.id} · ${t.requester.name} · ${VIA[t.via] ?? t.via}`,
          ),
        ),
      );
      button.addEventListener("click", () => this.openTicket(t.id));
      return h("li", {}, button);
    });
    this.viewsPanel.replaceChildren(
      h("h2", {}, "Demo tickets"),
      rows.length
        ? h("ul", { class: "ticket-list" }, ...rows)
        : h("p", { class: "hint" }, "No tickets yet: play the first contact."),
    );
  }

  private renderTabs() {
    this.tabs.replaceChildren(
      ...this.openTabs.map((id) => {
        const ticket = this.ticket(id);
        const selected = this.view?.kind === "ticket" && this.view.id === id;
        const tab = h(
          "button",
          {
            type: "button",
            role: "tab",
            "aria-selected": String(selected),
            "data-testid": `tab-${id}`,
          },
          `#${id} ${ticket?.subject ?? ""}`,
        );
        tab.addEventListener("click", () => this.openTicket(id));
        return tab;
      }),
    );
  }

  private renderTicket() {
    if (this.view === null) {
      this.ticketPane.replaceChildren(
        h(
          "div",
          { class: "welcome" },
          h("h1", {}, "A Support workspace, on your machine"),
          h(
            "p",
            {},
            `This page stands in for Zendesk Support: tickets in the middle, the ${this.data.app.name} app in the sidebar on the right, loaded from the app package as Zendesk would load it.`,
          ),
          h(
            "p",
            {},
            "Press “Play” on the left to send the demo's first contact to the Worker. Each contact opens its ticket; the sidebar shows who the customer is, what happened and where the process stands.",
          ),
        ),
      );
      return;
    }
    if (this.view.kind !== "ticket") return;
    const ticket = this.ticket(this.view.id);
    if (!ticket) {
      this.ticketPane.replaceChildren(h("p", { class: "hint" }, "This ticket is gone."));
      return;
    }
    this.ticketPane.replaceChildren(
      h(
        "header",
        { class: "ticket-header" },
        h("h1", { "data-testid": "ticket-subject" }, ticket.subject),
        h(
          "p",
          { class: "ticket-meta" },
          h("span", { class: `status ${ticket.status}` }, ticket.status),
          ` #${ticket.id} · via ${VIA[ticket.via] ?? ticket.via} · requester ${ticket.requester.name}`,
          ticket.requester.email ? ` <${ticket.requester.email}>` : "",
        ),
      ),
      h(
        "ol",
        { class: "conversation", "data-testid": "conversation" },
        ...ticket.comments.map((c) =>
          h(
            "li",
            {
              class: c.public ? "comment" : "comment note",
              "data-testid": c.public ? "comment" : "internal-note",
            },
            h(
              "p",
              { class: "comment-meta" },
              h("strong", {}, c.author.name),
              c.public ? "" : h("span", { class: "note-label" }, "Internal note"),
            ),
            h("div", { class: "comment-body" }, c.body),
          ),
        ),
      ),
    );
  }

  private ticket(id: number): TicketView | undefined {
    return this.data.tickets.find((t) => t.id === id);
  }

  private openTicket(id: number) {
    if (!this.ticket(id)) return;
    if (!this.openTabs.includes(id)) this.openTabs.push(id);
    const previous = this.view;
    this.view = { kind: "ticket", id };
    this.navBarPane.hidden = true;
    this.ticketPane.hidden = false;
    this.tabs.hidden = false;
    this.sidebar.hidden = false;
    this.showSidebarApp(id, previous);
    this.renderViews();
    this.renderTabs();
    this.renderTicket();
  }

  private showTickets() {
    const first =
      this.view?.kind === "ticket" ? this.view.id : (this.openTabs[0] ?? this.data.tickets[0]?.id);
    if (first !== undefined) this.openTicket(first);
  }

  private newGuid(): string {
    return crypto.randomUUID();
  }

  private frame(url: string, guid: string, title: string): HTMLIFrameElement {
    const src = new URL(url);
    // The two query parameters ZAFClient.init() reads to find its host.
    src.searchParams.set("origin", window.location.origin);
    src.searchParams.set("app_guid", guid);
    return h("iframe", {
      src: src.toString(),
      title,
      "data-testid": "app-iframe",
    }) as HTMLIFrameElement;
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
          this.showNavBar();
          return null;
        }
        if (kind !== "ticket") return `the local preview cannot route to "${kind}"`;
        if (!this.ticket(Number(id))) return `there is no ticket ${id}`;
        this.openTicket(Number(id));
        return null;
      },
      notify: (message, kind) => this.toast(message, kind),
      request: (options) => this.request(options),
    };
  }

  /**
   * The sidebar location's URL; `?sidebar=assets/<page>.html` loads another page of the app's
   * package there instead (the benchmark's floor page, a debugging build).
   */
  private sidebarUrl(): string | undefined {
    const override = new URLSearchParams(window.location.search).get("sidebar");
    if (override && /^assets\/[\w.-]+\.html$/.test(override))
      return `${this.data.app.origin}/${override}`;
    return this.data.app.locations.ticket_sidebar;
  }

  private showSidebarApp(ticketId: number, previous: View | null) {
    const url = this.sidebarUrl();
    if (!url) return;
    if (previous?.kind === "ticket" && previous.id !== ticketId)
      this.sidebarApps.get(previous.id)?.emit("app.deactivated");
    if (previous?.kind === "nav_bar") this.navBarApp?.emit("app.deactivated");
    for (const [id, app] of this.sidebarApps) app.iframe.hidden = id !== ticketId;
    const existing = this.sidebarApps.get(ticketId);
    if (existing) {
      existing.emit("app.activated", { firstLoad: false });
      return;
    }
    const guid = this.newGuid();
    const iframe = this.frame(url, guid, `${this.data.app.name} for ticket #${ticketId}`);
    iframe.classList.add("sidebar-app");
    const context: ZafContext = {
      instanceGuid: guid,
      product: "support",
      account: { subdomain: this.data.account.subdomain },
      location: "ticket_sidebar",
      ticketId,
    };
    const instance = new ZafInstance(
      iframe,
      this.data.app.origin,
      context,
      this.metadata(),
      this.services(() => iframe),
    );
    this.sidebarApps.set(ticketId, this.host.add(instance));
    this.sidebar.append(iframe);
  }

  private showNavBar() {
    const url = this.data.app.locations.nav_bar;
    if (!url) return;
    if (this.view?.kind === "ticket") this.sidebarApps.get(this.view.id)?.emit("app.deactivated");
    this.view = { kind: "nav_bar" };
    this.ticketPane.hidden = true;
    this.tabs.hidden = true;
    this.sidebar.hidden = true;
    this.navBarPane.hidden = false;
    this.renderViews();
    if (this.navBarApp) {
      this.navBarApp.emit("app.activated", { firstLoad: false });
      return;
    }
    const guid = this.newGuid();
    const iframe = this.frame(url, guid, `${this.data.app.name} (nav bar)`);
    const context: ZafContext = {
      instanceGuid: guid,
      product: "support",
      account: { subdomain: this.data.account.subdomain },
      location: "nav_bar",
    };
    this.navBarApp = this.host.add(
      new ZafInstance(
        iframe,
        this.data.app.origin,
        context,
        this.metadata(),
        this.services(() => iframe),
      ),
    );
    this.navBarPane.replaceChildren(iframe);
  }

  private metadata() {
    return {
      appId: this.data.app.appId,
      installationId: this.data.app.installationId,
      name: this.data.app.name,
      version: this.data.app.version,
      settings: this.data.app.settings,
      plan: { name: "preview" },
    };
  }

  /** What `client.get(path)` answers: the current user, the account and, in a sidebar, its ticket. */
  private lookup(path: string, context: ZafContext): Lookup {
    const agent = this.data.agent;
    const ticket = context.ticketId === undefined ? undefined : this.ticket(context.ticketId);
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
      currentAccount: { subdomain: this.data.account.subdomain, planName: "preview" },
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

  private toast(message: string, kind: string) {
    const toast = h("div", { class: `toast ${kind}`, "data-testid": "toast" }, message);
    this.toasts.append(toast);
    setTimeout(() => toast.remove(), 5000);
  }

  private async play(all: boolean) {
    if (this.busy) return;
    this.busy = true;
    this.renderJourney();
    try {
      do {
        const { chapter, workspace } = await api<{
          chapter: ChapterView | null;
          workspace: WorkspaceView;
        }>("/api/journey/next", {});
        this.data = workspace;
        this.render();
        this.notifyChanges();
        if (chapter?.ticketId !== null && chapter?.ticketId !== undefined)
          this.openTicket(chapter.ticketId);
      } while (all && this.data.chapters.some((c) => !c.played));
    } catch (error) {
      this.toast((error as Error).message, "error");
    } finally {
      this.busy = false;
      this.renderJourney();
    }
  }

  private async reset() {
    this.busy = true;
    this.renderJourney();
    try {
      await api("/api/journey/reset", {});
      window.location.reload();
    } catch (error) {
      this.busy = false;
      this.renderJourney();
      this.toast((error as Error).message, "error");
    }
  }

  private async refresh() {
    if (this.busy || document.hidden) return;
    try {
      this.data = await api<WorkspaceView>("/api/workspace");
    } catch {
      return;
    }
    this.render();
    this.notifyChanges();
  }

  /** Tell each ticket's app what Support would: its ticket was updated, or changed status. */
  private notifyChanges() {
    for (const ticket of this.data.tickets) {
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

  private remember() {
    this.lastSeen = new Map(
      this.data.tickets.map((t) => [t.id, { updatedAt: t.updatedAt, status: t.status }]),
    );
  }
}

void new Workspace().start().catch((error: unknown) => {
  document.getElementById("workspace")!.textContent =
    `The preview could not start: ${(error as Error).message}`;
});
