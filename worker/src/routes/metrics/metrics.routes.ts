import { createRoute, z } from "@hono/zod-openapi";
import { errorContent } from "../../contracts/errors";
import { KnowledgeReportSchema, MetricsReportSchema } from "../../contracts/metrics-report";
import { appAuth } from "../../lib/auth";

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "must be a day (YYYY-MM-DD)");

export const report = createRoute({
  method: "get",
  path: "/v1/metrics",
  tags: ["Metrics"],
  summary:
    "Context fidelity and outcomes over a window, by segment and rollout arm, from rollups (JSON or CSV)",
  security: [{ appSecret: [] }],
  middleware: [appAuth] as const,
  request: {
    query: z.object({
      from: day.optional().openapi({ description: "First day (UTC); default 30 days ago." }),
      to: day.optional().openapi({ description: "Last day (UTC), inclusive; default today." }),
      category: z.string().max(40).optional(),
      channel: z.string().max(20).optional(),
      tier: z.string().max(40).optional(),
      arm: z
        .enum(["continuity", "control", "continuity_unrandomised", "control_unrandomised", "none"])
        .optional(),
      groupBy: z.enum(["day", "category", "channel", "tier", "arm"]).optional(),
      format: z.enum(["json", "csv"]).default("json"),
    }),
  },
  responses: {
    200: {
      description: "The figures, with the difference between arms and its 95 % interval",
      content: {
        "application/json": { schema: MetricsReportSchema },
        "text/csv": { schema: z.string() },
      },
    },
    401: errorContent("Missing or wrong app secret"),
    422: errorContent("A filter or the window is invalid"),
  },
});

export type ReportRoute = typeof report;

export const knowledge = createRoute({
  method: "get",
  path: "/v1/metrics/knowledge",
  tags: ["Metrics"],
  summary:
    "General questions answered from the Help Center and those no article answered, per category and language, with the articles used",
  security: [{ appSecret: [] }],
  middleware: [appAuth] as const,
  request: {
    query: z.object({
      from: day.optional().openapi({ description: "First day (UTC); default 30 days ago." }),
      to: day.optional().openapi({ description: "Last day (UTC), inclusive; default today." }),
    }),
  },
  responses: {
    200: {
      description: "Counts per category and language, and the articles answers came from",
      content: { "application/json": { schema: KnowledgeReportSchema } },
    },
    401: errorContent("Missing or wrong app secret"),
    422: errorContent("The window is invalid"),
  },
});

export type KnowledgeRoute = typeof knowledge;
