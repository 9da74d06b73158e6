import { createMiddleware } from "hono/factory";
import { ApiError } from "../../lib/problem";
import type { AppBindings } from "../../lib/types";
import {
  secretsEqual,
  verifyHexSignature,
  verifyZendeskSignature,
} from "../../security/signatures";
import { loadTenant, type LoadedTenant } from "../../tenancy/tenants";

/**
 * An unknown tenant id is answered exactly as a known tenant answers a request signed with the
 * wrong secret: checked against a secret nobody holds, so the answer never tells which ids exist.
 * (The operator APIs, which may tell, answer `TenantNotFound`.)
 */
let decoySecrets: { secret: string; key: Uint8Array<ArrayBuffer> } | null = null;
// Made on first use: the runtime allows no random values at global scope.
const decoy = () =>
  (decoySecrets ??= {
    secret: crypto.randomUUID(),
    key: crypto.getRandomValues(new Uint8Array(32)),
  });

async function tenantOf(
  env: AppBindings["Bindings"],
  tenantId: string | undefined,
): Promise<LoadedTenant | null> {
  return tenantId ? loadTenant(env, tenantId) : null;
}

function unauthorized(reason: string): never {
  throw new ApiError(
    401,
    "invalid_signature",
    `The request is not signed by the sender this tenant trusts: ${reason}. Nothing was stored.`,
  );
}

/**
 * The tenant a request was signed for, once its check passed. An unknown id, whose check ran
 * against the decoy, is refused here with the answer a mismatched signature gets.
 */
function signedFor(tenant: LoadedTenant | null, mismatch: string): LoadedTenant {
  if (!tenant) unauthorized(mismatch);
  return tenant;
}

/** Zendesk webhooks: HMAC over timestamp + raw body, checked before a byte is parsed. */
export const verifyZendesk = createMiddleware<AppBindings>(async (c, next) => {
  const tenant = await tenantOf(c.env, c.req.param("tenantId"));
  const secret = tenant ? tenant.config.zendesk.webhookSecret : decoy().secret;
  if (!secret)
    throw new ApiError(
      401,
      "webhook_not_configured",
      "Set zendesk.webhookSecret in the tenant settings to receive Zendesk webhooks",
    );
  const raw = await c.req.text();
  const check = await verifyZendeskSignature(
    secret,
    {
      signature: c.req.header("x-zendesk-webhook-signature"),
      timestamp: c.req.header("x-zendesk-webhook-signature-timestamp"),
    },
    raw,
    Date.now(),
  );
  if (!check.ok) unauthorized(check.reason);
  c.set("tenant", signedFor(tenant, "signature does not match"));
  c.set("rawBody", raw);
  await next();
});

/** Sunshine Conversations webhooks: the shared secret in X-API-Key. */
export const verifySunco = createMiddleware<AppBindings>(async (c, next) => {
  const tenant = await tenantOf(c.env, c.req.param("tenantId"));
  const secret = tenant ? tenant.config.sunco.webhookSecret : decoy().secret;
  if (!secret)
    throw new ApiError(
      401,
      "webhook_not_configured",
      "Set sunco.webhookSecret in the tenant settings to receive Sunshine Conversations webhooks",
    );
  if (!(await secretsEqual(secret, c.req.header("x-api-key"))))
    unauthorized("X-API-Key does not match");
  c.set("tenant", signedFor(tenant, "X-API-Key does not match"));
  c.set("rawBody", await c.req.text());
  await next();
});

/** Generic channel events: hex HMAC-SHA256 of the raw body under the tenant's app secret. */
export const verifyChannel = createMiddleware<AppBindings>(async (c, next) => {
  const tenant = await tenantOf(c.env, c.req.param("tenantId"));
  const raw = await c.req.text();
  const check = await verifyHexSignature(
    tenant?.signingKey ?? decoy().key,
    c.req.header("x-signature"),
    raw,
  );
  if (!check.ok) unauthorized(check.reason);
  c.set("tenant", signedFor(tenant, "signature does not match"));
  c.set("rawBody", raw);
  await next();
});
