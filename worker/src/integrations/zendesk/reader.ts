import { z } from "@hono/zod-openapi";
import type { RawIdentifier } from "../../domain/identifiers";
import type { TenantConfig } from "../../tenancy/tenant-config";
import { DownstreamRejected, getJson, type HttpClient } from "../../connectors/http";
import { authHeader, type AuthHeaders } from "./credentials";

const Identity = z.object({
  type: z.string(),
  value: z.string(),
  verified: z.boolean().optional(),
  primary: z.boolean().optional(),
});
const IdentitiesPage = z.object({ identities: z.array(Identity), next_page: z.string().nullish() });
const UserEnvelope = z.object({
  user: z.object({
    id: z.union([z.string(), z.number()]).transform(String),
    name: z.string().nullish(),
    locale: z.string().nullish(),
    role: z.string().nullish(),
  }),
});
const TicketEnvelope = z.object({
  ticket: z.object({
    id: z.union([z.string(), z.number()]).transform(String),
    requester_id: z.union([z.string(), z.number(), z.null()]).optional(),
    assignee_id: z.union([z.string(), z.number(), z.null()]).optional(),
    status: z.string().optional(),
    subject: z.string().nullish(),
    description: z.string().nullish(),
    via: z.object({ channel: z.string().optional() }).partial().nullish(),
    updated_at: z.string().optional(),
    priority: z.string().nullish(),
    slas: z
      .object({
        policy_metrics: z
          .array(
            z
              .object({
                metric: z.string(),
                stage: z.string().optional(),
                breach_at: z.string().nullish(),
              })
              .partial(),
          )
          .optional(),
      })
      .partial()
      .nullish(),
  }),
});
export type ZendeskTicket = z.infer<typeof TicketEnvelope>["ticket"];

const CommentsPage = z.object({
  comments: z.array(
    z.object({
      id: z.union([z.string(), z.number()]).transform(String),
      author_id: z.union([z.string(), z.number()]).transform(String).optional(),
      body: z.string().nullish(),
      html_body: z.string().nullish(),
      public: z.boolean().optional(),
      created_at: z.string().optional(),
    }),
  ),
  meta: z
    .object({ has_more: z.boolean().optional(), after_cursor: z.string().nullish() })
    .partial()
    .optional(),
  next_page: z.string().nullish(),
});
/** 50 pages of 100: Zendesk stops a ticket at 5,000 comments. */
const MAX_COMMENT_PAGES = 50;
export type ZendeskComment = z.infer<typeof CommentsPage>["comments"][number];

export interface ZendeskRequester {
  id: string;
  name: string | null;
  locale: string | null;
  identifiers: (RawIdentifier & { verified: boolean })[];
}

/** Reads the Zendesk records stitching needs: tickets, requesters and their identities. */
export class ZendeskReader {
  constructor(
    private readonly config: TenantConfig["zendesk"],
    /** Built by `zendeskHttp`, so every read carries the Marketplace headers. */
    private readonly client: HttpClient,
    /** `zendeskCredentials`: renews a lapsing OAuth token before the call. */
    private readonly auth: AuthHeaders = async () => authHeader(config.auth),
  ) {}

  private async parsed<T extends z.ZodType>(schema: T, path: string): Promise<z.infer<T> | null> {
    const body = await getJson<unknown>(
      this.client,
      `${this.config.baseUrl}${path}`,
      await this.auth(),
    );
    if (body === null) return null;
    const result = schema.safeParse(body);
    if (!result.success)
      throw new DownstreamRejected("Zendesk", 200, `unexpected answer from ${path.split("?")[0]}`);
    return result.data;
  }

  async ticket(ticketId: string, options: { slas?: boolean } = {}): Promise<ZendeskTicket | null> {
    const query = options.slas ? "?include=slas" : "";
    return (
      (await this.parsed(TicketEnvelope, `/api/v2/tickets/${encodeURIComponent(ticketId)}${query}`))
        ?.ticket ?? null
    );
  }

  /** The requester and every email and phone on their Zendesk profile. */
  async requester(userId: string): Promise<ZendeskRequester | null> {
    const id = encodeURIComponent(userId);
    const [user, identities] = await Promise.all([
      this.parsed(UserEnvelope, `/api/v2/users/${id}`),
      this.parsed(IdentitiesPage, `/api/v2/users/${id}/identities?per_page=100`),
    ]);
    if (!user && !identities) return null;
    const identifiers: ZendeskRequester["identifiers"] = [];
    for (const identity of identities?.identities ?? []) {
      if (identity.type === "email")
        identifiers.push({
          type: "email",
          value: identity.value,
          verified: identity.verified === true,
        });
      if (identity.type === "phone_number")
        identifiers.push({
          type: "phone",
          value: identity.value,
          verified: identity.verified === true,
        });
    }
    return {
      id: userId,
      name: user?.user.name ?? null,
      locale: user?.user.locale ?? null,
      identifiers,
    };
  }

  /** The newest comments first (cursor pagination, one page). */
  async recentComments(ticketId: string, pageSize = 10): Promise<ZendeskComment[]> {
    return (await this.commentsPage(ticketId, pageSize, null))?.comments ?? [];
  }

  /**
   * Comments newest first, page by page, until one satisfies `found` or the pages run out: a ticket
   * busy since our write may have buried it under more than one page. Bounded, as Zendesk caps a
   * ticket's comments.
   */
  async commentsUntil(
    ticketId: string,
    found: (comment: ZendeskComment) => boolean,
  ): Promise<ZendeskComment[]> {
    const seen: ZendeskComment[] = [];
    let cursor: string | null = null;
    for (let pages = 0; pages < MAX_COMMENT_PAGES; pages++) {
      const page = await this.commentsPage(ticketId, 100, cursor);
      const comments = page?.comments ?? [];
      seen.push(...comments);
      cursor = page?.meta?.has_more ? (page.meta.after_cursor ?? null) : null;
      if (cursor === null || comments.some(found)) break;
    }
    return seen;
  }

  private commentsPage(ticketId: string, size: number, after: string | null) {
    const cursor = after === null ? "" : `&page[after]=${encodeURIComponent(after)}`;
    return this.parsed(
      CommentsPage,
      `/api/v2/tickets/${encodeURIComponent(ticketId)}/comments?sort=-created_at&page[size]=${size}${cursor}`,
    );
  }
}
