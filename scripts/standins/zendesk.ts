import { helpCenterRoutes, loadHelpCenter, type HelpCenterLoad } from "./help-center";
import { json, LoopbackVendor, type Reply, type Route } from "./loopback";
import {
  accountRoutes,
  accountSnapshot,
  bearerToken,
  emptyAccount,
  loadAccount,
  type AccountLoad,
  type AccountSpace,
} from "./zendesk-account";

export interface ZendeskUserData {
  id: string;
  name: string;
  /** Staff carry theirs (`admin`, `agent`); customers are `end-user`. */
  role?: string;
  identities: { type: string; value: string; verified?: boolean }[];
}

export interface ZendeskTicketData {
  id: string;
  requester_id: string;
  via: string;
  status?: string;
  subject?: string;
  description?: string;
  priority?: string;
  /** The next SLA target, as `?include=slas` reports it. */
  sla?: { metric: string; breach_at: string };
}

export interface ZendeskComment {
  id: number;
  author_id: number;
  body: string;
  html_body: string;
  public: boolean;
  created_at: string;
}

interface Ticket {
  id: string;
  requester_id: string;
  assignee_id: string | null;
  via: { channel: string };
  status: string;
  subject: string;
  description: string;
  tags: string[];
  custom_fields: { id: number; value: unknown }[];
  comments: ZendeskComment[];
  updated_at: string;
  priority: string | null;
  sla: { metric: string; breach_at: string } | null;
}

interface ZendeskSpace {
  credentials: { email: string; apiToken: string } | null;
  users: Map<string, ZendeskUserData>;
  tickets: Map<string, Ticket>;
  nextCommentId: number;
  clock: number;
  botUserId: number;
  account: AccountSpace;
}

export interface ZendeskLoad extends AccountLoad {
  credentials?: { email: string; apiToken: string };
  users?: ZendeskUserData[];
  tickets?: ZendeskTicketData[];
  helpCenter?: HelpCenterLoad;
}

const stripHtml = (html: string) =>
  html
    .replace(/<[^>]+>/g, " ")
    .replace(/\s+/g, " ")
    .trim();

/**
 * Zendesk Support API stand-in: users and identities, tickets, comments (cursor pagination), and
 * ticket updates with internal notes, tags, custom fields and safe_update conflicts, as documented
 * in the Support API reference.
 */
export class ZendeskStandIn extends LoopbackVendor<ZendeskSpace> {
  protected emptySpace(name: string): ZendeskSpace {
    return {
      account: emptyAccount(this.baseUrl(name)),
      credentials: null,
      users: new Map(),
      tickets: new Map(),
      nextCommentId: 1,
      clock: Date.parse("2026-01-01T00:00:00Z"),
      botUserId: 1,
    };
  }

  /** The OAuth endpoints authenticate by client and code, not by an API credential. */
  protected override open(path: string): boolean {
    return path.startsWith("/oauth/");
  }

  protected authorized(space: ZendeskSpace, authorization: string | undefined): boolean {
    // A Bearer token must be one this account issued and nobody revoked.
    if (authorization?.match(/^Bearer\s/i))
      return bearerToken(space.account, authorization) !== null;
    if (!space.credentials) return true;
    const expected = `Basic ${Buffer.from(`${space.credentials.email}/token:${space.credentials.apiToken}`).toString("base64")}`;
    return authorization === expected;
  }

  private stamp(space: ZendeskSpace): string {
    space.clock += 1000;
    return new Date(space.clock).toISOString().replace(".000Z", "Z");
  }

  protected load(space: ZendeskSpace, data: unknown): void {
    const load = data as ZendeskLoad;
    loadAccount(space.account, load);
    if (load.credentials) space.credentials = load.credentials;
    loadHelpCenter(space, load.helpCenter);
    for (const user of load.users ?? []) space.users.set(String(user.id), user);
    for (const t of load.tickets ?? []) {
      space.tickets.set(String(t.id), {
        id: String(t.id),
        requester_id: String(t.requester_id),
        assignee_id: null,
        via: { channel: t.via },
        status: t.status ?? "new",
        subject: t.subject ?? "",
        description: t.description ?? "",
        tags: [],
        custom_fields: [],
        priority: t.priority ?? "normal",
        sla: t.sla ?? null,
        comments: t.description
          ? [
              {
                id: space.nextCommentId++,
                author_id: Number(t.requester_id),
                body: t.description,
                html_body: `<p>${t.description}</p>`,
                public: true,
                created_at: this.stamp(space),
              },
            ]
          : [],
        updated_at: this.stamp(space),
      });
    }
  }

  protected snapshot(space: ZendeskSpace): unknown {
    return {
      tickets: Object.fromEntries([...space.tickets].map(([id, t]) => [id, t])),
      ...accountSnapshot(space.account),
    };
  }

  protected routes(space: ZendeskSpace): Route[] {
    const ticketJson = (t: Ticket) => ({
      id: Number(t.id),
      requester_id: Number(t.requester_id),
      assignee_id: t.assignee_id === null ? null : Number(t.assignee_id),
      via: t.via,
      status: t.status,
      subject: t.subject,
      description: t.description,
      tags: t.tags,
      custom_fields: t.custom_fields,
      updated_at: t.updated_at,
      priority: t.priority,
    });
    return [
      ...accountRoutes(space.account, () => this.stamp(space)),
      ...helpCenterRoutes(space, () => this.url),
      {
        method: "GET",
        pattern: /^\/api\/v2\/users\/(\d+)(?:\.json)?$/,
        handle: ([, id]) => {
          // The approver of the account's consent is a staff member too (an admin by default).
          const approver = space.account.approver;
          if (id === approver.id && !space.users.has(id!))
            return json(200, {
              user: { id: Number(id), name: approver.name, role: approver.role, locale: "en-US" },
            });
          const user = space.users.get(id!);
          if (!user) return json(404, { error: "RecordNotFound" });
          const email = user.identities.find((i) => i.type === "email")?.value ?? null;
          return json(200, {
            user: {
              id: Number(user.id),
              name: user.name,
              email,
              role: user.role ?? "end-user",
              locale: "en-US",
              verified: true,
            },
          });
        },
      },
      {
        method: "GET",
        pattern: /^\/api\/v2\/users\/(\d+)\/identities(?:\.json)?$/,
        handle: ([, id]) => {
          const user = space.users.get(id!);
          if (!user) return json(404, { error: "RecordNotFound" });
          const identities = user.identities.map((identity, i) => ({
            id: Number(user.id) * 100 + i,
            user_id: Number(user.id),
            type: identity.type,
            value: identity.value,
            verified: identity.verified === true,
            primary: i === 0,
          }));
          return json(200, {
            identities,
            next_page: null,
            previous_page: null,
            count: identities.length,
          });
        },
      },
      {
        method: "GET",
        pattern: /^\/api\/v2\/tickets\/(\d+)(?:\.json)?$/,
        handle: ([, id], { query }) => {
          const ticket = space.tickets.get(id!);
          if (!ticket) return json(404, { error: "RecordNotFound" });
          const slas =
            query.get("include") === "slas"
              ? { slas: { policy_metrics: ticket.sla ? [{ ...ticket.sla, stage: "active" }] : [] } }
              : {};
          return json(200, { ticket: { ...ticketJson(ticket), ...slas } });
        },
      },
      {
        method: "GET",
        pattern: /^\/api\/v2\/tickets\/(\d+)\/comments(?:\.json)?$/,
        handle: ([, id], { query }) => {
          const ticket = space.tickets.get(id!);
          if (!ticket) return json(404, { error: "RecordNotFound" });
          const size = Math.min(100, Number(query.get("page[size]") ?? 100));
          const newestFirst = query.get("sort") === "-created_at";
          const all = newestFirst ? [...ticket.comments].reverse() : ticket.comments;
          const after = Number(query.get("page[after]") ?? 0);
          const page = all.slice(after, after + size);
          const hasMore = after + size < all.length;
          return json(200, {
            comments: page,
            meta: {
              has_more: hasMore,
              after_cursor: hasMore ? String(after + size) : null,
              before_cursor: null,
            },
            links: { next: null, prev: null },
          });
        },
      },
      {
        method: "PUT",
        pattern: /^\/api\/v2\/tickets\/(\d+)(?:\.json)?$/,
        handle: ([, id], { body }) => this.updateTicket(space, id!, body, ticketJson),
      },
    ];
  }

  private updateTicket(
    space: ZendeskSpace,
    id: string,
    body: unknown,
    render: (t: Ticket) => unknown,
  ): Reply {
    const ticket = space.tickets.get(id);
    if (!ticket) return json(404, { error: "RecordNotFound" });
    const update = (body as { ticket?: Record<string, unknown> } | undefined)?.ticket;
    if (!update) return json(400, { error: "InvalidEndpoint", description: "ticket is required" });
    if (update.safe_update === true && update.updated_stamp !== ticket.updated_at) {
      return json(409, {
        error: "UpdateConflict",
        description: "Ticket has been updated since you last viewed it",
      });
    }
    const comment = update.comment as
      { html_body?: string; body?: string; public?: boolean; author_id?: number } | undefined;
    if (comment) {
      const html = comment.html_body ?? `<p>${comment.body ?? ""}</p>`;
      ticket.comments.push({
        id: space.nextCommentId++,
        author_id: comment.author_id ?? space.botUserId,
        body: comment.body ?? stripHtml(html),
        html_body: html,
        public: comment.public !== false,
        created_at: this.stamp(space),
      });
    }
    if (Array.isArray(update.tags)) ticket.tags = [...new Set(update.tags as string[])];
    if (Array.isArray(update.additional_tags))
      ticket.tags = [...new Set([...ticket.tags, ...(update.additional_tags as string[])])];
    if (Array.isArray(update.custom_fields)) {
      for (const field of update.custom_fields as { id: number; value: unknown }[]) {
        ticket.custom_fields = [...ticket.custom_fields.filter((f) => f.id !== field.id), field];
      }
    }
    if (typeof update.status === "string") ticket.status = update.status;
    ticket.updated_at = this.stamp(space);
    return json(200, { ticket: render(ticket), audit: { id: space.nextCommentId, events: [] } });
  }
}
