import { z } from "@hono/zod-openapi";

/** `{tenantId}` in every tenant-scoped path: admin, governance and inbound webhooks. */
export const TenantParams = z.object({
  tenantId: z
    .string()
    .min(1)
    .max(64)
    .openapi({ param: { name: "tenantId", in: "path" } }),
});
