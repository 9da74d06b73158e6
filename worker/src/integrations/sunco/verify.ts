import { createMiddleware } from "hono/factory";
import { ApiError } from "../../lib/problem";
import type { AppBindings } from "../../lib/types";
import { secretsEqual } from "../../security/signatures";
import { decoy, signedFor, tenantOf, unauthorized } from "../signed-sender";

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
