import type { Env } from "../../../env";
import { ApiError } from "../../../lib/problem";
import type { AppRouteHandler } from "../../../lib/types";
import { tenantForAppSecret } from "../../../tenancy/tenants";
import type { AccountRecords } from "../../ports";
import { DownstreamUnavailable } from "../../../connectors/http";
import { disconnect, retentionNotice } from "./disconnect";
import { DEFAULT_ACCOUNT_URL, TICKET_EVENTS } from "./plan";
import { INTEGRATION, provision, ProvisioningStopped, type ConnectedBy } from "./provision";
import { finishedPage } from "./finished-page";
import { beginRoundTrip, discard, endRoundTrip, type Proven } from "./round-trip";
import type { CallbackRoute, StartRoute } from "./oauth.routes";

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

async function connectAccount(env: Env, records: AccountRecords, proven: Proven, origin: string) {
  const { state, api, grant, admin } = proven;
  // The tenant's own address for the account, when it is not Zendesk's (a proxy, a stand-in).
  const location: Record<string, string> = { subdomain: state.subdomain };
  if ((env.ZENDESK_ACCOUNT_URL || DEFAULT_ACCOUNT_URL) !== DEFAULT_ACCOUNT_URL)
    location.baseUrl = api.baseUrl;
  try {
    const { tenantId, webhookId, steps } = await provision({
      api,
      records,
      grant,
      subdomain: state.subdomain,
      installationId: state.installationId,
      location,
      endpointFor: (id) => `${origin}/v1/webhooks/zendesk/${id}`,
      now: new Date(),
    });
    // Who connected and with which scopes, for the setup page's checklist; Disconnect forgets it.
    await records.recordStep(
      tenantId,
      INTEGRATION,
      "connected_by",
      { userId: admin.id, scopes: grant.scopes } satisfies ConnectedBy,
      new Date(),
    );
    // Connecting proved the admin already: the app may collect a setup session without a second
    // consent screen.
    await records.openAdminSession({ nonce: state.nonce, tenantId, userId: admin.id }, new Date());
    console.log(JSON.stringify({ msg: "zendesk connected", tenantId }));
    return {
      intent: "connect" as const,
      tenantId,
      subdomain: state.subdomain,
      installationId: state.installationId,
      connectedAs: { userId: admin.id, role: "admin" as const },
      scopes: grant.scopes,
      webhook: { id: webhookId, subscriptions: [...TICKET_EVENTS] },
      steps,
    };
  } catch (error) {
    if (!(error instanceof ProvisioningStopped)) throw error;
    console.error(
      JSON.stringify({
        msg: "zendesk provisioning stopped",
        subdomain: state.subdomain,
        step: error.step,
      }),
    );
    throw stopped(error);
  }
}

async function disconnectAccount(records: AccountRecords, proven: Proven) {
  const { state, api, grant } = proven;
  const tenant = await records.findTenant(state.subdomain);
  if (!tenant) {
    await discard(api, grant.accessToken);
    throw new ApiError(404, "not_connected", `No tenant is connected for '${state.subdomain}'`);
  }
  const auth = tenant.config.zendesk.auth;
  const report = await disconnect({
    api,
    records,
    adminToken: grant.accessToken,
    tenantId: tenant.tenantId,
    storedToken: auth?.kind === "oauth" ? auth.token : null,
  });
  console.log(JSON.stringify({ msg: "zendesk disconnected", tenantId: tenant.tenantId }));
  return {
    intent: "disconnect" as const,
    tenantId: tenant.tenantId,
    subdomain: state.subdomain,
    ...report,
    data: retentionNotice(tenant.config.retention),
  };
}

/**
 * The admin is proven (Zendesk said so of the token's own user); the token itself is of no further
 * use, so it is revoked at once and only the session, bound to the state's nonce, is recorded.
 */
async function openAdminSession(records: AccountRecords, proven: Proven) {
  const { state, api, grant, admin } = proven;
  await discard(api, grant.accessToken);
  const tenant = await records.findTenant(state.subdomain);
  if (!tenant)
    throw new ApiError(404, "not_connected", `No tenant is connected for '${state.subdomain}'`);
  await records.openAdminSession(
    { nonce: state.nonce, tenantId: tenant.tenantId, userId: admin.id },
    new Date(),
  );
  console.log(JSON.stringify({ msg: "admin session opened", tenantId: tenant.tenantId }));
  return {
    intent: "admin_session" as const,
    tenantId: tenant.tenantId,
    subdomain: state.subdomain,
    signedInAs: { userId: admin.id, role: "admin" as const },
  };
}

/** What the round trip was for, once Zendesk proved the admin. */
async function doIntent(env: Env, records: AccountRecords, proven: Proven, origin: string) {
  if (proven.state.intent === "disconnect") return disconnectAccount(records, proven);
  if (proven.state.intent === "admin_session") return openAdminSession(records, proven);
  return connectAccount(env, records, proven, origin);
}

/**
 * Disconnecting removes what Connect made, so only the installed app may start it: the request
 * carries the account's app secret (Zendesk's proxy adds it), never just a link an admin is sent.
 * Zendesk still proves at the callback that the person approving is an admin.
 */
async function requireInstalledApp(env: Env, authorization: string | undefined, subdomain: string) {
  const secret = authorization?.match(/^Bearer\s+(.+)$/i)?.[1]?.trim();
  if (!secret)
    throw new ApiError(
      401,
      "unauthorized",
      "Disconnecting and signing in as admin are started from the app: send its app secret as 'Authorization: Bearer <app secret>'",
    );
  const tenant = await tenantForAppSecret(env, secret);
  if (!tenant) throw new ApiError(401, "unauthorized", "The app secret is not valid");
  if (tenant.record.subdomain !== subdomain)
    throw new ApiError(
      403,
      "other_account",
      `The app secret is not for the account '${subdomain}'`,
    );
}

/** A browser navigating (text/html first) rather than a program asking for JSON. */
function wantsPage(accept: string | undefined): boolean {
  return Boolean(accept?.includes("text/html")) && !accept?.includes("application/json");
}

export function oauthHandlers(records: (env: Env) => AccountRecords) {
  const start: AppRouteHandler<StartRoute> = async (c) => {
    const query = c.req.valid("query");
    if (query.intent !== "connect")
      await requireInstalledApp(c.env, c.req.header("authorization"), query.subdomain);
    const url = await beginRoundTrip(
      c.env,
      records(c.env),
      query,
      new URL(c.req.url).origin,
      new Date(),
    );
    // The app asks through Zendesk's proxy, which would follow a redirect: it gets JSON instead.
    if (c.req.header("accept")?.includes("application/json"))
      return c.json({ authorizeUrl: url }, 200);
    return c.json({ authorizeUrl: url }, 302, { Location: url });
  };

  const callback: AppRouteHandler<CallbackRoute> = async (c) => {
    const origin = new URL(c.req.url).origin;
    const account = records(c.env);
    const answer = await endRoundTrip(
      c.env,
      account,
      c.req.valid("query"),
      origin,
      new Date(),
      (proven) => doIntent(c.env, account, proven, origin),
    );
    // The admin's consent window lands here: a person reads a page, a program reads JSON.
    if (wantsPage(c.req.header("accept")))
      return c.html(finishedPage(answer.intent, answer.subdomain)) as never;
    return c.json(answer, 200);
  };

  return { start, callback };
}
