import { z } from "@hono/zod-openapi";

export const ApiErrorSchema = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: "invalid_signature" }),
      message: z.string().openapi({ example: "signature does not match" }),
      issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    }),
  })
  .openapi("ApiError");

export function errorContent(description: string) {
  return { content: { "application/json": { schema: ApiErrorSchema } }, description };
}

export function jsonContent<T extends z.ZodType>(schema: T, description: string) {
  return { content: { "application/json": { schema } }, description };
}
