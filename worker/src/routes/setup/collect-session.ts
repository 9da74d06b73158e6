import type { Env } from "../../env";
import { ApiError } from "../../lib/problem";
import {
  ADMIN_SESSION_TTL_MS,
  hashSessionToken,
  SESSION_INTENTS,
} from "../../security/admin-session";
import { randomToken } from "../../security/encoding";
import { verifyState } from "../../security/oauth-state";
import { collectAdminSession } from "../../store/admin-sessions";
import { refusalOf } from "../../store/oauth-states";
import type { LoadedTenant } from "../../tenancy/tenants";

const ENDED = "This round trip ended without a session";

/** What a refused round trip's code means to the admin waiting on it. */
const REFUSALS: Record<string, string> = {
  not_an_admin: `${ENDED}: the person who approved in Zendesk is not an admin of this account`,
  consent_declined: `${ENDED}: the approval was cancelled in Zendesk`,
  other_account: `${ENDED}: Zendesk approved it for another account`,
};

/**
 * The app that started a round trip holds its signed state; the callback recorded the session
 * under the state's nonce. The token is made here, answered once, and only its hash is kept.
 * The state may have lapsed meanwhile (the admin took long): the session's own expiry decides.
 */
export async function collectSession(
  env: Env,
  tenant: LoadedTenant,
  stateText: string,
  now: Date,
): Promise<{ sessionToken: string; userId: string; expiresAt: string }> {
  // The signature is what matters here; a lapsed state still names its nonce truthfully.
  const checked = await verifyState(
    env.SECRETS_KEY,
    stateText,
    now.getTime() - ADMIN_SESSION_TTL_MS,
  );
  if (!checked.ok)
    throw new ApiError(400, "invalid_state", "The state is not one this Worker issued");
  const { state } = checked;
  if (state.subdomain !== tenant.record.subdomain)
    throw new ApiError(403, "other_account", "The state is for another account");
  if (!SESSION_INTENTS.includes(state.intent))
    throw new ApiError(403, "no_session_intent", "This round trip does not sign anyone in");
  const sessionToken = randomToken(32);
  const collected = await collectAdminSession(
    env.DB,
    {
      nonce: state.nonce,
      tenantId: tenant.config.id,
      tokenHash: await hashSessionToken(sessionToken),
    },
    now.toISOString(),
  );
  if (collected.kind === "pending") {
    // The callback may have ended without a session: the app stops waiting and says why.
    const refused = await refusalOf(env.DB, state.nonce);
    if (refused)
      throw new ApiError(403, refused, REFUSALS[refused] ?? `${ENDED} (${refused}); start again`);
  }
  if (collected.kind === "pending")
    throw new ApiError(
      404,
      "session_pending",
      "Zendesk has not sent the admin back yet; ask again",
    );
  if (collected.kind === "gone")
    throw new ApiError(
      409,
      "session_gone",
      "This session was collected already, or has lapsed; sign in again",
    );
  return { sessionToken, userId: collected.userId, expiresAt: collected.expiresAt };
}
