import { createMiddleware } from "hono/factory";
import type { AppBindings } from "../../lib/types";
import { verifyHexSignature } from "../../security/signatures";
import { decoy, signedFor, tenantOf, unauthorized } from "../signed-sender";

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
