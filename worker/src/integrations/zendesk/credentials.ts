import type { TenantConfig, ZendeskAuth } from "../../tenancy/tenant-config";
import type { IntegrationDeps } from "../ports";
import { zendeskHttp } from "./client";
import { refreshAccess, tokenSettings } from "./oauth/account-api";

/** The Authorization header for each call, renewing a lapsing OAuth token first. */
export type AuthHeaders = () => Promise<Record<string, string>>;

export function authHeader(auth: ZendeskAuth | null): Record<string, string> {
  if (!auth) return {};
  if (auth.kind === "oauth") return { authorization: `Bearer ${auth.token}` };
  return { authorization: `Basic ${btoa(`${auth.email}/token:${auth.apiToken}`)}` };
}

/** Renewed this long before it lapses, so calls already on their way still hold a live token. */
const MARGIN_MS = 60_000;

/**
 * Renewals by the refresh token they spend. Zendesk deletes the old pair on a renewal, so a
 * second renewal with the same refresh token would fail: everyone in this isolate holding the old
 * one gets the renewal's result instead. Bounded, as a tenant renews at most every few minutes.
 */
const renewals = new Map<string, Promise<ZendeskAuth>>();
const MAX_RENEWALS = 1000;

function lapsing(auth: ZendeskAuth | null, nowMs: number): auth is ZendeskAuth & { kind: "oauth" } {
  return (
    auth?.kind === "oauth" &&
    !!auth.refreshToken &&
    !!auth.expiresAt &&
    Date.parse(auth.expiresAt) - nowMs < MARGIN_MS
  );
}

async function renew(
  tenant: TenantConfig,
  auth: ZendeskAuth & { kind: "oauth" },
  deps: IntegrationDeps,
): Promise<ZendeskAuth> {
  const { env, keepCredentials } = deps;
  // Renewing without keeping the new pair would spend the stored refresh token for nothing.
  if (!keepCredentials || !env.ZENDESK_CLIENT_ID || !env.ZENDESK_CLIENT_SECRET) return auth;
  const grant = await refreshAccess(
    { baseUrl: tenant.zendesk.baseUrl, http: zendeskHttp(env, deps.fetcher) },
    {
      refreshToken: auth.refreshToken!,
      clientId: env.ZENDESK_CLIENT_ID,
      clientSecret: env.ZENDESK_CLIENT_SECRET,
    },
    new Date(),
  );
  await keepCredentials(tenant.id, "zendesk", tokenSettings(grant));
  console.log(JSON.stringify({ msg: "zendesk token renewed", tenantId: tenant.id }));
  return {
    kind: "oauth",
    token: grant.accessToken,
    ...(grant.refreshToken && { refreshToken: grant.refreshToken }),
    ...(grant.expiresAt && { expiresAt: grant.expiresAt.toISOString() }),
  };
}

/**
 * The tenant's Zendesk credentials for one reader or writer. An OAuth token about to lapse is
 * renewed with its refresh token before the call, and the new pair is sealed into the tenant's
 * settings. If renewal fails (another isolate spent the refresh token first, or it lapsed too),
 * the call goes on with the token held: the other isolate's pair reaches this one with the next
 * tenant read, and a token that really lapsed is answered 401 like any bad credential.
 */
export function zendeskCredentials(tenant: TenantConfig, deps: IntegrationDeps): AuthHeaders {
  let auth = tenant.zendesk.auth;
  return async () => {
    const held = auth;
    if (lapsing(held, Date.now())) {
      const key = `${tenant.id}:${held.refreshToken}`;
      let renewal = renewals.get(key);
      if (!renewal) {
        if (renewals.size >= MAX_RENEWALS) renewals.clear();
        renewal = renew(tenant, held, deps).catch((error: unknown) => {
          renewals.delete(key);
          console.error(
            JSON.stringify({
              msg: "zendesk token renewal failed",
              tenantId: tenant.id,
              error: error instanceof Error ? error.message : String(error),
            }),
          );
          return held;
        });
        renewals.set(key, renewal);
      }
      auth = await renewal;
    }
    return authHeader(auth);
  };
}
