/**
 * The pure parts of connecting a Zendesk account: where its API lives, the consent address, the
 * webhook Continuity subscribes and how it recognises its own. No I/O, tested without any.
 */

/** Zendesk's own address for an account, unless the Worker's configuration names another. */
export const DEFAULT_ACCOUNT_URL = "https://{subdomain}.zendesk.com";

/** An account subdomain as Zendesk allows it: letters, digits and inner hyphens. */
export const SUBDOMAIN = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

export function accountUrl(template: string | undefined, subdomain: string): string {
  return (template || DEFAULT_ACCOUNT_URL).replaceAll("{subdomain}", subdomain).replace(/\/+$/, "");
}

/**
 * `read write`: the token reads tickets and users, writes notes, and manages the webhook and the
 * installation's settings. Zendesk has no narrower scope for webhooks and app installations.
 */
export const SCOPE = "read write";

export function authorizeUrl(
  baseUrl: string,
  request: { clientId: string; redirectUri: string; state: string },
): string {
  const query = new URLSearchParams({
    response_type: "code",
    client_id: request.clientId,
    redirect_uri: request.redirectUri,
    scope: SCOPE,
    state: request.state,
  });
  return `${baseUrl}/oauth/authorizations/new?${query}`;
}

/**
 * The ticket events the inbound Zendesk route maps (integrations/zendesk/map.ts), as Zendesk names
 * them for an event-subscribed webhook. The webhook is event-subscribed, never trigger-connected
 * (docs/decisions.md, "Connecting subscribes one event webhook").
 */
export const TICKET_EVENTS = [
  "zen:event-type:ticket.created",
  "zen:event-type:ticket.comment_added",
  "zen:event-type:ticket.status_changed",
  "zen:event-type:ticket.agent_assignment_changed",
  "zen:event-type:ticket.requester_changed",
] as const;

export const WEBHOOK_NAME = "Continuity";

export function webhookFor(endpoint: string) {
  return {
    name: WEBHOOK_NAME,
    endpoint,
    description:
      "Ticket events for Continuity. Created by the app's Connect; Disconnect removes it.",
    subscriptions: [...TICKET_EVENTS],
  };
}

/**
 * Ours is the webhook that posts to this tenant's endpoint: an admin may rename it, but only we
 * point one there. Found by endpoint, a webhook created by a write whose answer was lost is
 * reused rather than made twice.
 */
export function ourWebhook<W extends { id: string; endpoint: string }>(
  webhooks: W[],
  endpoint: string,
): W | null {
  return webhooks.find((w) => w.endpoint === endpoint) ?? null;
}

/**
 * Whether a `users/me` answer is about this account: its `url` is the user's API address on the
 * account the token was issued for.
 */
export function sameAccount(userUrl: string | undefined, baseUrl: string): boolean {
  return userUrl === undefined || userUrl.startsWith(`${baseUrl}/`);
}

/**
 * The ticket fields the app's requirements.json declares, by their identifier there, and the
 * tenant setting (`zendesk.customFields`) that holds each one's id in the account.
 */
export const REQUIRED_TICKET_FIELDS = {
  continuity_thread_id: "threadId",
  continuity_identity_level: "identityLevel",
} as const;

export type RequiredFieldIds = Partial<
  Record<(typeof REQUIRED_TICKET_FIELDS)[keyof typeof REQUIRED_TICKET_FIELDS], number>
>;

/**
 * The ids of our ticket fields among an installation's requirements. Only ticket fields count: a
 * requirement of another type may share an identifier.
 */
export function requiredFieldIds(
  requirements: { identifier: string; requirement_type: string; requirement_id: string }[],
): RequiredFieldIds {
  const ids: RequiredFieldIds = {};
  for (const r of requirements) {
    if (
      r.requirement_type !== "ticket_fields" ||
      !Object.hasOwn(REQUIRED_TICKET_FIELDS, r.identifier)
    )
      continue;
    const id = Number(r.requirement_id);
    if (Number.isSafeInteger(id) && id > 0)
      ids[REQUIRED_TICKET_FIELDS[r.identifier as keyof typeof REQUIRED_TICKET_FIELDS]] = id;
  }
  return ids;
}
