import type { OpenAPIHono, RouteConfig, RouteHandler } from "@hono/zod-openapi";
import type { Env } from "../env";
import type { LoadedTenant } from "../tenancy/tenants";

export interface AppBindings {
  Bindings: Env;
  Variables: { tenant: LoadedTenant; rawBody: string };
}

export type AppOpenAPI = OpenAPIHono<AppBindings>;
export type AppRouteHandler<R extends RouteConfig> = RouteHandler<R, AppBindings>;
