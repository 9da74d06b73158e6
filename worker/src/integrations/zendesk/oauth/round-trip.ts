import { DownstreamRejected, DownstreamUnavailable } from "../../../connectors/http";
import type { Env } from "../../../env";
import { ApiError } from "../../../lib/problem";
import { randomToken } from "../../../security/encoding";
import {
  signState,
  STATE_TTL_MS,
  verifyState,
  type OAuthStatePayload,
} from "../../../security/oauth-state";
import type { AccountRecords } from "../../ports";
import { zendeskHttp } from "../client";
import {
  exchangeCode,
  me,
  revokeToken,
  type AccountApi,
  type Grant,
  type ZendeskMe,
} from "./account-api";
import { accountUrl, authorizeUrl, sameAccount, SCOPE } from "./plan";

/**
 * One OAuth round trip: the start issues a signed, single-use state and the consent address; the
 * end checks the state, exchanges the code and proves, through Zendesk, that an admin of the
 * account approved. What the round trip was for (connect, disconnect) is decided by the caller.
 */

export const CALLBACK_PATH = "/v1/zendesk/oauth/callback";

export interface Proven {
  state: OAuthStatePayload;
  api: AccountApi;
  grant: Grant;
  admin: ZendeskMe;
}

function oauthClient(env: Env): { clientId: string; clientSecret: string } {
  if (!env.ZENDESK_CLIENT_ID || !env.ZENDESK_CLIENT_SECRET)
    throw new ApiError(
      503,
      "oauth_not_configured",
      "This Worker has no Zendesk OAuth client: set ZENDESK_CLIENT_ID and ZENDESK_CLIENT_SECRET (docs/zendesk-setup.md)",
    );
  return { clientId: env.ZENDESK_CLIENT_ID, clientSecret: env.ZENDESK_CLIENT_SECRET };
}

export function accountApi(env: Env, subdomain: string): AccountApi {
  return { baseUrl: accountUrl(env.ZENDESK_ACCOUNT_URL, subdomain), http: zendeskHttp(env) };
}

/**
 * Round trips an account may start per intent while their states live (10 minutes): an admin
 * retrying has room, a script cannot fill `oauth_states`. Intents count apart, so Connect, which
 * anyone may start, cannot use up the installed app's sign-in and Disconnect.
 */
export const STARTS_PER_ACCOUNT = 10;

export async function beginRoundTrip(
  env: Env,
  records: AccountRecords,
  request: Pick<OAuthStatePayload, "subdomain" | "installationId" | "intent">,
  origin: string,
  now: Date,
): Promise<string> {
  const { clientId } = oauthClient(env);
  const payload: OAuthStatePayload = {
    v: 1,
    ...request,
    nonce: randomToken(24),
    exp: now.getTime() + STATE_TTL_MS,
  };
  const issued = await records.issueState(
    { ...payload, expiresAt: new Date(payload.exp) },
    now,
    STARTS_PER_ACCOUNT,
  );
  if (!issued.issued) {
    const seconds = Math.max(1, Math.ceil((issued.retryAt.getTime() - now.getTime()) / 1000));
    throw new ApiError(
      429,
      "too_many_starts",
      `'${request.subdomain}' started ${STARTS_PER_ACCOUNT} round trips (${request.intent}) in the last ${STATE_TTL_MS / 60_000} minutes; try again in ${seconds} s`,
      undefined,
      { "Retry-After": String(seconds) },
    );
  }
  return authorizeUrl(accountUrl(env.ZENDESK_ACCOUNT_URL, request.subdomain), {
    clientId,
    redirectUri: `${origin}${CALLBACK_PATH}`,
    state: await signState(env.SECRETS_KEY, payload),
  });
}

const STATE_REFUSED = {
  malformed: "The state is not one this Worker issued; start Connect again from the app",
  bad_signature: "The state's signature does not match; start Connect again from the app",
  expired: "The sign-in took longer than 10 minutes and its state lapsed; start Connect again",
} as const;

/** What each round trip does, as a refusal says it. */
const ACTS = {
  connect: "connect Continuity",
  disconnect: "disconnect Continuity",
  admin_session: "sign in to Continuity's setup",
} as const;

/** A token the Worker will not keep is revoked at once, so a refused callback leaves nothing live. */
export async function discard(api: AccountApi, token: string): Promise<void> {
  await revokeToken(api, token).catch(() => undefined);
}

/** A Zendesk answer before the admin is proven (the exchange, `users/me`), said as what it means. */
function zendeskFailed(error: unknown): never {
  if (error instanceof DownstreamUnavailable)
    throw new ApiError(
      503,
      "zendesk_unavailable",
      `${error.message}; nothing was connected, try again`,
    );
  if (error instanceof DownstreamRejected)
    throw new ApiError(502, "zendesk_refused", `${error.message}; nothing was connected`);
  throw error;
}

/**
 * The state first (signature, shape, expiry, then its nonce, once), then the code, then who
 * approved, read from Zendesk with the token itself: nothing the browser sends is believed; then
 * `then`, what the round trip was for. A state refused stores nothing. Once its nonce is used,
 * an end without what it was for is recorded on the nonce (its error code), so the app waiting to
 * collect a session stops and says why; a token the Worker will not keep is revoked.
 */
export async function endRoundTrip<T>(
  env: Env,
  records: AccountRecords,
  query: { state: string; code?: string | undefined; error?: string | undefined },
  origin: string,
  now: Date,
  then: (proven: Proven) => Promise<T>,
): Promise<T> {
  const client = oauthClient(env);
  const checked = await verifyState(env.SECRETS_KEY, query.state, now.getTime());
  if (!checked.ok)
    throw new ApiError(
      400,
      checked.reason === "expired" ? "state_expired" : "invalid_state",
      STATE_REFUSED[checked.reason],
    );
  const state = checked.state;
  if (!(await records.consumeState(state, now)))
    throw new ApiError(400, "state_used", "This state was already used; start Connect again");
  try {
    return await then(await proveAdmin(env, client, state, query, origin, now));
  } catch (error) {
    const code = error instanceof ApiError ? error.code : "callback_failed";
    await records.refuseState(state.nonce, code).catch(() => undefined);
    throw error;
  }
}

async function proveAdmin(
  env: Env,
  client: { clientId: string; clientSecret: string },
  state: OAuthStatePayload,
  query: { code?: string | undefined; error?: string | undefined },
  origin: string,
  now: Date,
): Promise<Proven> {
  if (!query.code)
    throw new ApiError(
      403,
      "consent_declined",
      `Zendesk answered '${query.error}': nothing was connected`,
    );

  const api = accountApi(env, state.subdomain);
  const grant = await exchangeCode(
    api,
    {
      code: query.code,
      clientId: client.clientId,
      clientSecret: client.clientSecret,
      redirectUri: `${origin}${CALLBACK_PATH}`,
      scope: SCOPE,
    },
    now,
  ).catch((error: unknown) => {
    if (error instanceof DownstreamRejected)
      throw new ApiError(
        400,
        "code_rejected",
        `Zendesk refused the authorization code for '${state.subdomain}' (it is for another account, used, or expired); start Connect again`,
      );
    return zendeskFailed(error);
  });

  const admin = await me(api, grant.accessToken).catch(async (error: unknown) => {
    await discard(api, grant.accessToken);
    return zendeskFailed(error);
  });
  if (!sameAccount(admin.url, api.baseUrl)) {
    await discard(api, grant.accessToken);
    throw new ApiError(
      403,
      "other_account",
      `The token is not for the account '${state.subdomain}'`,
    );
  }
  if (admin.role !== "admin") {
    await discard(api, grant.accessToken);
    throw new ApiError(
      403,
      "not_an_admin",
      `Only an admin of '${state.subdomain}' can ${ACTS[state.intent]}; the user who approved is a Zendesk ${admin.role}`,
    );
  }
  return { state, api, grant, admin };
}
