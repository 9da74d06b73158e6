import { createMiddleware } from "hono/factory";
import { secretsEqual } from "../security/signatures";
import { tenantForAppSecret } from "../tenancy/tenants";
import { ApiError } from "./problem";
import type { AppBindings } from "./types";

function bearer(header: string | undefined): string | undefined {
  const match = header?.match(/^Bearer\s+(.+)$/i);
  return match?.[1]?.trim();
}

/** Admin API: the operator token (a Worker secret). */
export const operatorAuth = createMiddleware<AppBindings>(async (c, next) => {
  const token = bearer(c.req.header("authorization"));
  if (!token)
    throw new ApiError(
      401,
      "unauthorized",
      "Send the operator token as 'Authorization: Bearer <OPERATOR_TOKEN>'",
    );
  if (!c.env.OPERATOR_TOKEN || !(await secretsEqual(c.env.OPERATOR_TOKEN, token))) {
    throw new ApiError(401, "unauthorized", "The operator token is not valid");
  }
  await next();
});

/** Sidebar API: the tenant's app secret. The tenant comes from the secret, never from the request. */
export const appAuth = createMiddleware<AppBindings>(async (c, next) => {
  const secret = bearer(c.req.header("authorization"));
  if (!secret)
    throw new ApiError(
      401,
      "unauthorized",
      "Send the app secret as 'Authorization: Bearer <app secret>'",
    );
  const tenant = await tenantForAppSecret(c.env, secret);
  if (!tenant) throw new ApiError(401, "unauthorized", "The app secret is not valid");
  c.set("tenant", tenant);
  await next();
});
