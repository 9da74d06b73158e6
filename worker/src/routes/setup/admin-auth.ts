import { createMiddleware } from "hono/factory";
import { ApiError } from "../../lib/problem";
import type { AppBindings } from "../../lib/types";
import { ADMIN_SESSION_HEADER, hashSessionToken, sessionLive } from "../../security/admin-session";
import { findAdminSession } from "../../store/admin-sessions";

/**
 * The setup API is for admins of the account. After `appAuth` (the app secret: this account's
 * installed app sent it, through Zendesk's proxy), the request must carry an admin session that
 * an OAuth round trip minted: Zendesk said, of the token's own user, `role: admin`. The browser
 * names nobody: an agent who forges a request through the app has no session to send
 * (docs/decisions.md, "The setup page").
 */
export const adminAuth = createMiddleware<AppBindings>(async (c, next) => {
  const token = c.req.header(ADMIN_SESSION_HEADER)?.trim();
  if (!token)
    throw new ApiError(
      403,
      "admin_session_required",
      "Sign in as admin with Zendesk first: the setup API needs the session that sign-in gives the app",
    );
  const session = await findAdminSession(c.env.DB, await hashSessionToken(token));
  if (!session)
    throw new ApiError(
      403,
      "admin_session_unknown",
      "This admin session is not known; sign in again",
    );
  if (session.tenantId !== c.get("tenant").config.id)
    throw new ApiError(403, "other_account", "This admin session is for another account");
  if (!sessionLive(session.expiresAt, Date.now()))
    throw new ApiError(
      403,
      "admin_session_expired",
      "This admin session has lapsed; sign in again",
    );
  await next();
});
