import { createMiddleware } from "hono/factory";
import { ApiError } from "../../lib/problem";
import type { AppBindings } from "../../lib/types";
import { verifyZendeskSignature } from "./signature";
import { decoy, signedFor, tenantOf, unauthorized } from "../signed-sender";

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
