import { OpenAPIHono } from "@hono/zod-openapi";
import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { limitBody } from "./body-limit";
import { ApiError, invalid } from "./problem";
import type { AppBindings } from "./types";

export function createRouter() {
  return new OpenAPIHono<AppBindings>({
    strict: false,
    // Every contract violation answers 422 with the paths and messages zod found.
    defaultHook: (result) => {
      if (!result.success)
        throw invalid(result.error, result.target === "json" ? "body" : result.target);
    },
  });
}

function errorResponse(error: Error, c: Context) {
  if (error instanceof ApiError) return c.json(error.body(), error.status, error.headers);
  if (error instanceof HTTPException) {
    const status = error.status;
    const code =
      status === 413 ? "payload_too_large" : status === 400 ? "malformed_json" : "http_error";
    const message =
      status === 400 ? "The body is not valid JSON" : error.message || "Request failed";
    return c.json({ error: { code, message } }, status as ContentfulStatusCode);
  }
  // Unknown failures are logged without the request: bodies may hold personal data.
  console.error(
    JSON.stringify({
      msg: "unhandled error",
      path: new URL(c.req.url).pathname,
      error: error.message,
    }),
  );
  return c.json(
    {
      error: {
        code: "internal_error",
        message: "Something went wrong on our side; nothing was stored.",
      },
    },
    500,
  );
}

export function createApp() {
  const app = createRouter();
  app.notFound((c) =>
    c.json(
      {
        error: {
          code: "not_found",
          message: `No route for ${c.req.method} ${new URL(c.req.url).pathname}`,
        },
      },
      404,
    ),
  );
  app.onError(errorResponse);
  app.use("*", limitBody);
  return app;
}
