import { bodyLimit } from "hono/body-limit";
import { createMiddleware } from "hono/factory";
import { ApiError } from "../../lib/problem";
import type { AppBindings } from "../../lib/types";
import {
  secretsEqual,
  verifyHexSignature,
  verifyZendeskSignature,
} from "../../security/signatures";
import { loadTenant, type LoadedTenant } from "../../tenancy/tenants";

export const MAX_BODY_BYTES = 512 * 1024;

export const limitBody = bodyLimit({
  maxSize: MAX_BODY_BYTES,
  onError: () => {
    throw new ApiError(413, "payload_too_large", `The body is larger than ${MAX_BODY_BYTES} bytes`);
  },
});

async function tenantOf(
  env: AppBindings["Bindings"],
  tenantId: string | undefined,
): Promise<LoadedTenant> {
  const tenant = tenantId ? await loadTenant(env, tenantId) : null;
  if (!tenant) throw new ApiError(404, "tenant_not_found", "No tenant with this id");
  return tenant;
}

function unauthorized(reason: string): never {
  throw new ApiError(
    401,
    "invalid_signature",
    `The request is not signed by the sender this tenant trusts: ${reason}. Nothing was stored.`,
  );
}

/** Zendesk webhooks: HMAC over timestamp + raw body, checked before a byte is parsed. */
export const verifyZendesk = createMiddleware<AppBindings>(async (c, next) => {
  const tenant = await tenantOf(c.env, c.req.param("tenantId"));
  const secret = tenant.config.zendesk.webhookSecret;
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
  c.set("tenant", tenant);
  c.set("rawBody", raw);
  await next();
});

/** Sunshine Conversations webhooks: the shared secret in X-API-Key. */
export const verifySunco = createMiddleware<AppBindings>(async (c, next) => {
  const tenant = await tenantOf(c.env, c.req.param("tenantId"));
  const secret = tenant.config.sunco.webhookSecret;
  if (!secret)
    throw new ApiError(
      401,
      "webhook_not_configured",
      "Set sunco.webhookSecret in the tenant settings to receive Sunshine Conversations webhooks",
    );
  if (!(await secretsEqual(secret, c.req.header("x-api-key"))))
    unauthorized("X-API-Key does not match");
  c.set("tenant", tenant);
  c.set("rawBody", await c.req.text());
  await next();
});

/** Generic channel events: hex HMAC-SHA256 of the raw body under the tenant's app secret. */
export const verifyChannel = createMiddleware<AppBindings>(async (c, next) => {
  const tenant = await tenantOf(c.env, c.req.param("tenantId"));
  const raw = await c.req.text();
  const check = await verifyHexSignature(tenant.signingKey, c.req.header("x-signature"), raw);
  if (!check.ok) unauthorized(check.reason);
  c.set("tenant", tenant);
  c.set("rawBody", raw);
  await next();
});
