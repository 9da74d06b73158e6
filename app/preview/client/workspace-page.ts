import type { ChapterView, WorkspaceView } from "../workspace-view";
import { h } from "./element";
import { previewApi, type View, WorkspaceModel } from "./workspace-model";
import { WorkspaceZafHost, type WorkspaceScreen } from "./workspace-zaf-host";

/**
 * The workspace page: a minimal Support agent workspace (views, ticket tabs, the conversation,
 * the apps sidebar and a nav bar) hosting the app's iframes, plus the demo journey's controls.
 * This is its DOM; the ZAF host behind the app's iframes is WorkspaceZafHost.
 */

const VIA: Record<string, string> = {
  chat: "Chat",
  email: "Email",
  voice: "Voice",
  web: "Web form",
  native_messaging: "Messaging",
  whatsapp: "WhatsApp",
};

export class WorkspacePage implements WorkspaceScreen {
  private readonly model = new WorkspaceModel();
  private zaf!: WorkspaceZafHost;

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
    await this.model.load();
    this.zaf = new WorkspaceZafHost(this.model, this);
    this.layout();
    this.render();
    // ?ticket=<id> opens that ticket first (links, benchmarks); otherwise the first one.
    const wanted = Number(new URLSearchParams(window.location.search).get("ticket"));
    const first = this.model.ticket(wanted) ?? this.model.data.tickets[0];
    if (first) this.openTicket(first.id);
    this.zaf.remember();
    // Zendesk pushes ticket changes; the preview notices them by reading the stand-in.
    setInterval(() => void this.refresh(), 1500);
    // For tests and the curious: window.__preview.host is the ZafHost with every instance's log.
    Object.assign(window, { __preview: { page: this, host: this.zaf.host } });
  }

  private layout() {
    const navIcon = this.model.data.app.navBarIcon
      ? h("img", { src: this.model.data.app.navBarIcon, alt: "", width: "22", height: "22" })
      : this.model.data.app.name.slice(0, 1);
    this.root.replaceChildren(
      h(
        "header",
        { class: "topbar" },
        h("span", { class: "brand" }, "Support"),
        h("span", { class: "crumb" }, `${this.model.data.app.name} · local preview`),
        h(
          "span",
          { class: "tenant" },
          `${this.model.data.account.subdomain} · tenant ${this.model.data.tenantId}`,
        ),
        this.panelToggle(),
        h(
          "span",
          { class: "agent", title: this.model.data.agent.email },
          this.model.data.agent.name,
        ),
      ),
      h(
        "div",
        { class: "body" },
        h(
          "nav",
          { class: "rail", "aria-label": "Product" },
          this.railButton("Tickets", "☰", () => this.showTickets(), "rail-tickets"),
          this.model.data.app.locations.nav_bar
            ? this.railButton(
                this.model.data.app.name,
                navIcon,
                () => this.showNavBar(),
                "rail-app",
              )
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
    const chapters = this.model.data.chapters;
    const next = chapters.find((c) => !c.played);
    const playNext = h(
      "button",
      { type: "button", class: "primary", "data-testid": "preview-play-next" },
      next ? `Play: ${next.title}` : "Journey played",
    ) as HTMLButtonElement;
    playNext.disabled = !next || this.model.busy;
    playNext.addEventListener("click", () => void this.play(false));
    const playAll = h(
      "button",
      { type: "button", "data-testid": "preview-play-all" },
      "Play all",
    ) as HTMLButtonElement;
    playAll.disabled = !next || this.model.busy;
    playAll.addEventListener("click", () => void this.play(true));
    const reset = h(
      "button",
      { type: "button", "data-testid": "preview-reset" },
      "Start over",
    ) as HTMLButtonElement;
    reset.disabled = this.model.busy;
    reset.addEventListener("click", () => void this.reset());
    this.journeyPanel.replaceChildren(
      h("h2", {}, "Demo journey"),
      h(
        "p",
        { class: "hint" },
        `One customer (${this.model.data.customer}), three contacts. Play them one by one and watch the sidebar.`,
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
    const rows = this.model.data.tickets.map((t) => {
      const button = h(
        "button",
        {
          type: "button",
          class: "ticket-row",
          "data-testid": `ticket-row-${t.id}`,
          "aria-current":
            this.model.view?.kind === "ticket" && this.model.view.id === t.id ? "page" : undefined,
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
      ...this.model.openTabs.map((id) => {
        const ticket = this.model.ticket(id);
        const selected = this.model.view?.kind === "ticket" && this.model.view.id === id;
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
    if (this.model.view === null) {
      this.ticketPane.replaceChildren(
        h(
          "div",
          { class: "welcome" },
          h("h1", {}, "A Support workspace, on your machine"),
          h(
            "p",
            {},
            `This page stands in for Zendesk Support: tickets in the middle, the ${this.model.data.app.name} app in the sidebar on the right, loaded from the app package as Zendesk would load it.`,
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
    if (this.model.view.kind !== "ticket") return;
    const ticket = this.model.ticket(this.model.view.id);
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

  openTicket(id: number) {
    if (!this.model.ticket(id)) return;
    if (!this.model.openTabs.includes(id)) this.model.openTabs.push(id);
    const previous = this.model.view;
    this.model.view = { kind: "ticket", id };
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
      this.model.view?.kind === "ticket"
        ? this.model.view.id
        : (this.model.openTabs[0] ?? this.model.data.tickets[0]?.id);
    if (first !== undefined) this.openTicket(first);
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

  /**
   * The sidebar location's URL; `?sidebar=assets/<page>.html` loads another page of the app's
   * package there instead (the benchmark's floor page, a debugging build).
   */
  private sidebarUrl(): string | undefined {
    const override = new URLSearchParams(window.location.search).get("sidebar");
    if (override && /^assets\/[\w.-]+\.html$/.test(override))
      return `${this.model.data.app.origin}/${override}`;
    return this.model.data.app.locations.ticket_sidebar;
  }

  private showSidebarApp(ticketId: number, previous: View | null) {
    const url = this.sidebarUrl();
    if (!url) return;
    this.zaf.leaveForTicket(previous, ticketId);
    for (const [id, iframe] of this.zaf.sidebarFrames()) iframe.hidden = id !== ticketId;
    if (this.zaf.resumeSidebarApp(ticketId)) return;
    const guid = this.zaf.newGuid();
    const iframe = this.frame(url, guid, `${this.model.data.app.name} for ticket #${ticketId}`);
    iframe.classList.add("sidebar-app");
    this.zaf.addSidebarApp(ticketId, guid, iframe);
    this.sidebar.append(iframe);
  }

  showNavBar() {
    const url = this.model.data.app.locations.nav_bar;
    if (!url) return;
    this.zaf.leaveForNavBar(this.model.view);
    this.model.view = { kind: "nav_bar" };
    this.ticketPane.hidden = true;
    this.tabs.hidden = true;
    this.sidebar.hidden = true;
    this.navBarPane.hidden = false;
    this.renderViews();
    if (this.zaf.resumeNavBarApp()) return;
    const guid = this.zaf.newGuid();
    const iframe = this.frame(url, guid, `${this.model.data.app.name} (nav bar)`);
    this.zaf.addNavBarApp(guid, iframe);
    this.navBarPane.replaceChildren(iframe);
  }

  toast(message: string, kind: string) {
    const toast = h("div", { class: `toast ${kind}`, "data-testid": "toast" }, message);
    this.toasts.append(toast);
    setTimeout(() => toast.remove(), 5000);
  }

  private async play(all: boolean) {
    if (this.model.busy) return;
    this.model.busy = true;
    this.renderJourney();
    try {
      do {
        const { chapter, workspace } = await previewApi<{
          chapter: ChapterView | null;
          workspace: WorkspaceView;
        }>("/api/journey/next", {});
        this.model.data = workspace;
        this.render();
        this.zaf.notifyChanges();
        if (chapter?.ticketId !== null && chapter?.ticketId !== undefined)
          this.openTicket(chapter.ticketId);
      } while (all && this.model.data.chapters.some((c) => !c.played));
    } catch (error) {
      this.toast((error as Error).message, "error");
    } finally {
      this.model.busy = false;
      this.renderJourney();
    }
  }

  private async reset() {
    this.model.busy = true;
    this.renderJourney();
    try {
      await previewApi("/api/journey/reset", {});
      window.location.reload();
    } catch (error) {
      this.model.busy = false;
      this.renderJourney();
      this.toast((error as Error).message, "error");
    }
  }

  private async refresh() {
    if (this.model.busy || document.hidden) return;
    try {
      this.model.data = await previewApi<WorkspaceView>("/api/workspace");
    } catch {
      return;
    }
    this.render();
    this.zaf.notifyChanges();
  }
}
