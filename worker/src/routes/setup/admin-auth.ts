import { createMiddleware } from "hono/factory";
import { DownstreamUnavailable } from "../../connectors/http";
import { ticketSystemNamed } from "../../integrations/registry";
import { ApiError } from "../../lib/problem";
import type { AppBindings } from "../../lib/types";
import { credentialKeeper } from "../../tenancy/accounts";

/** Zendesk's answer is kept this long per tenant and user, so the page's polling costs no calls. */
const ROLE_CACHE_MS = 60_000;
const roles = new Map<string, { role: string | null; until: number }>();

/**
 * The setup API is for admins of the account. After `appAuth` (the app secret: this account's
 * installed app sent it, through Zendesk's proxy), the user the app names is looked up in
 * Zendesk with the tenant's own token, and Zendesk's role decides. The browser says only who it
 * is; whether that person is an admin is Zendesk's word, never the browser's
 * (docs/decisions.md, "The setup page").
 */
export const adminAuth = createMiddleware<AppBindings>(async (c, next) => {
  const userId = c.req.header("x-zendesk-user-id")?.trim();
  if (!userId || !/^\d{1,20}$/.test(userId))
    throw new ApiError(
      400,
      "user_required",
      "Send the current Zendesk user's id as 'X-Zendesk-User-Id' (the app does)",
    );
  const tenant = c.get("tenant");
  const key = `${tenant.config.id}:${userId}`;
  const now = Date.now();
  let cached = roles.get(key);
  if (!cached || cached.until < now) {
    const tickets = ticketSystemNamed("zendesk", tenant.config, {
      env: c.env,
      keepCredentials: credentialKeeper(c.env),
    });
    if (!tickets.configured || !tickets.staffRole)
      throw new ApiError(
        403,
        "admin_unproven",
        "Zendesk is not connected for this account, so who is an admin cannot be read: connect first",
      );
    const role = await tickets.staffRole(userId).catch((error: unknown) => {
      if (error instanceof DownstreamUnavailable)
        throw new ApiError(
          503,
          "zendesk_unavailable",
          "Zendesk did not answer who you are; try again",
        );
      throw new ApiError(
        403,
        "admin_unproven",
        "Zendesk refused to say who you are; connect again",
      );
    });
    cached = { role, until: now + ROLE_CACHE_MS };
    roles.set(key, cached);
  }
  if (cached.role !== "admin")
    throw new ApiError(
      403,
      "not_an_admin",
      `Only a Zendesk admin of this account can use the setup page; Zendesk says this user is ${cached.role ? `a ${cached.role}` : "unknown"}`,
    );
  await next();
});

/** Tests and a disconnect forget what Zendesk said (a role may change on reconnect). */
export function forgetRoles(): void {
  roles.clear();
}
