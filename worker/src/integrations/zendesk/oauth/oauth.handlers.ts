import { DownstreamRejected, DownstreamUnavailable } from "../../../connectors/http";
import type { Env } from "../../../env";
import { ApiError } from "../../../lib/problem";
import type { AppRouteHandler } from "../../../lib/types";
import { randomToken } from "../../../security/encoding";
import { signState, STATE_TTL_MS, verifyState } from "../../../security/oauth-state";
import type { AccountRecords } from "../../ports";
import { zendeskHttp } from "../client";
import { exchangeCode, me, revokeToken, type AccountApi, type Grant } from "./account-api";
import { disconnect } from "./disconnect";
import {
  accountUrl,
  authorizeUrl,
  DEFAULT_ACCOUNT_URL,
  sameAccount,
  SCOPE,
  TICKET_EVENTS,
} from "./plan";
import { provision, ProvisioningStopped } from "./provision";
import type { CallbackRoute, StartRoute } from "./oauth.routes";

const CALLBACK_PATH = "/v1/zendesk/oauth/callback";

function oauthClient(env: Env): { clientId: string; clientSecret: string } {
  if (!env.ZENDESK_CLIENT_ID || !env.ZENDESK_CLIENT_SECRET)
    throw new ApiError(
      503,
      "oauth_not_configured",
      "This Worker has no Zendesk OAuth client: set ZENDESK_CLIENT_ID and ZENDESK_CLIENT_SECRET (docs/zendesk-setup.md)",
    );
  return { clientId: env.ZENDESK_CLIENT_ID, clientSecret: env.ZENDESK_CLIENT_SECRET };
}

function accountApi(env: Env, subdomain: string): AccountApi {
  return { baseUrl: accountUrl(env.ZENDESK_ACCOUNT_URL, subdomain), http: zendeskHttp(env) };
}

const STATE_REFUSED = {
  malformed: "The state is not one this Worker issued; start Connect again from the app",
  bad_signature: "The state's signature does not match; start Connect again from the app",
  expired: "The sign-in took longer than 10 minutes and its state lapsed; start Connect again",
} as const;

/** A token the Worker will not keep is revoked at once, so a refused callback leaves nothing live. */
async function discard(api: AccountApi, token: string): Promise<void> {
  await revokeToken(api, token).catch(() => undefined);
}

function stopped(error: ProvisioningStopped): ApiError {
  const unavailable = error.cause instanceof DownstreamUnavailable;
  return new ApiError(
    unavailable ? 503 : 502,
    "provisioning_incomplete",
    `Provisioning stopped at '${error.step}' (${error.cause instanceof Error ? error.cause.message : "failed"}). What was done is kept: connect again to resume.`,
    [
      { path: error.step, message: "failed" },
      ...error.done.map((d) => ({ path: d.step, message: d.outcome })),
    ],
  );
}

/** A Zendesk answer outside provisioning (the exchange, `users/me`): said as what it means. */
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

export function oauthHandlers(records: (env: Env) => AccountRecords) {
  const startHandler: AppRouteHandler<StartRoute> = async (c) => {
    const { subdomain, installationId, intent } = c.req.valid("query");
    const { clientId } = oauthClient(c.env);
    const now = new Date();
    const payload = {
      v: 1 as const,
      subdomain,
      installationId,
      intent,
      nonce: randomToken(24),
      exp: now.getTime() + STATE_TTL_MS,
    };
    await records(c.env).issueState({ ...payload, expiresAt: new Date(payload.exp) }, now);
    const url = authorizeUrl(accountUrl(c.env.ZENDESK_ACCOUNT_URL, subdomain), {
      clientId,
      redirectUri: `${new URL(c.req.url).origin}${CALLBACK_PATH}`,
      state: await signState(c.env.SECRETS_KEY, payload),
    });
    return c.json({ authorizeUrl: url }, 302, { Location: url });
  };

  const callbackHandler: AppRouteHandler<CallbackRoute> = async (c) => {
    const query = c.req.valid("query");
    const client = oauthClient(c.env);
    const now = new Date();
    const checked = await verifyState(c.env.SECRETS_KEY, query.state, now.getTime());
    if (!checked.ok)
      throw new ApiError(
        400,
        checked.reason === "expired" ? "state_expired" : "invalid_state",
        STATE_REFUSED[checked.reason],
      );
    const { subdomain, installationId, intent, nonce } = checked.state;
    const account = records(c.env);
    if (!(await account.consumeState({ nonce, subdomain, installationId, intent }, now)))
      throw new ApiError(
        400,
        "state_used",
        "This state was already used; start Connect again from the app",
      );
    if (!query.code)
      throw new ApiError(
        403,
        "consent_declined",
        `Zendesk answered '${query.error}': nothing was connected`,
      );

    const api = accountApi(c.env, subdomain);
    const origin = new URL(c.req.url).origin;
    let granted: Grant;
    try {
      granted = await exchangeCode(
        api,
        {
          code: query.code,
          clientId: client.clientId,
          clientSecret: client.clientSecret,
          redirectUri: `${origin}${CALLBACK_PATH}`,
          scope: SCOPE,
        },
        now,
      );
    } catch (error) {
      if (error instanceof DownstreamRejected)
        throw new ApiError(
          400,
          "code_rejected",
          `Zendesk refused the authorization code for '${subdomain}' (it is for another account, used, or expired); start Connect again`,
        );
      zendeskFailed(error);
    }

    // The role comes from Zendesk, read with the token itself: never from the browser.
    const user = await me(api, granted.accessToken).catch(async (error: unknown) => {
      await discard(api, granted.accessToken);
      return zendeskFailed(error);
    });
    if (!sameAccount(user.url, api.baseUrl)) {
      await discard(api, granted.accessToken);
      throw new ApiError(403, "other_account", `The token is not for the account '${subdomain}'`);
    }
    if (user.role !== "admin") {
      await discard(api, granted.accessToken);
      throw new ApiError(
        403,
        "not_an_admin",
        `Only an admin of '${subdomain}' can ${intent} Continuity; the user who approved is a Zendesk ${user.role}`,
      );
    }

    if (intent === "disconnect") {
      const tenant = await account.findTenant(subdomain);
      if (!tenant) {
        await discard(api, granted.accessToken);
        throw new ApiError(404, "not_connected", `No tenant is connected for '${subdomain}'`);
      }
      const auth = tenant.config.zendesk.auth;
      const report = await disconnect({
        api,
        records: account,
        adminToken: granted.accessToken,
        tenantId: tenant.tenantId,
        storedToken: auth?.kind === "oauth" ? auth.token : null,
      });
      console.log(JSON.stringify({ msg: "zendesk disconnected", tenantId: tenant.tenantId }));
      const retention = tenant.config.retention;
      return c.json(
        {
          intent: "disconnect" as const,
          tenantId: tenant.tenantId,
          subdomain,
          ...report,
          data: {
            kept: true as const,
            until: "retention" as const,
            message: `Threads, notes and audit entries stay until retention removes them (messages after ${retention.messagesDays} days, identifiers after ${retention.identifiersDays}, audit after ${retention.auditDays}); ask for erasure to remove a customer's data sooner.`,
          },
        },
        200,
      );
    }

    const location: Record<string, string> = { subdomain };
    if ((c.env.ZENDESK_ACCOUNT_URL || DEFAULT_ACCOUNT_URL) !== DEFAULT_ACCOUNT_URL)
      location.baseUrl = api.baseUrl;
    try {
      const { tenantId, steps } = await provision({
        api,
        records: account,
        grant: granted,
        subdomain,
        installationId,
        location,
        endpointFor: (tenantId) => `${origin}/v1/webhooks/zendesk/${tenantId}`,
        now,
      });
      const recorded = await account.steps(tenantId, "zendesk");
      console.log(JSON.stringify({ msg: "zendesk connected", tenantId }));
      return c.json(
        {
          intent: "connect" as const,
          tenantId,
          subdomain,
          installationId,
          connectedAs: { userId: user.id, role: "admin" as const },
          scopes: granted.scopes,
          webhook: {
            id: (recorded.get("webhook") as { id: string }).id,
            subscriptions: [...TICKET_EVENTS],
          },
          steps,
        },
        200,
      );
    } catch (error) {
      if (error instanceof ProvisioningStopped) {
        console.error(
          JSON.stringify({ msg: "zendesk provisioning stopped", subdomain, step: error.step }),
        );
        throw stopped(error);
      }
      throw error;
    }
  };

  return { start: startHandler, callback: callbackHandler };
}
