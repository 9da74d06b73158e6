import { createRoute, z } from "@hono/zod-openapi";
import { errorContent } from "../../contracts/errors";
import { appAuth } from "../../lib/auth";
import { METRIC_IDS } from "../../domain/metrics/catalog";

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "must be a day (YYYY-MM-DD)");

const Figure = z.object({ value: z.number().nullable(), n: z.number() });

export const MetricsReportSchema = z
  .object({
    window: z.object({ from: z.string(), to: z.string() }),
    filters: z.record(z.string(), z.string()),
    primaryMetric: z.enum(METRIC_IDS).nullable(),
    rollout: z
      .object({
        continuityShare: z.number(),
        gate: z.record(z.string(), z.array(z.string())).nullable(),
      })
      .nullable(),
    metrics: z.array(
      z.object({
        id: z.enum(METRIC_IDS),
        group: z.enum(["fidelity", "outcome"]),
        kind: z.enum(["proportion", "mean", "rate"]),
        label: z.string(),
        unit: z.string(),
        higherIsBetter: z.boolean(),
        value: z.number().nullable(),
        n: z.number(),
        numerator: z.number(),
        arms: z.object({ continuity: Figure.nullable(), control: Figure.nullable() }),
        comparison: z
          .object({
            randomised: z.boolean(),
            label: z.string(),
            difference: z.number(),
            low: z.number().nullable(),
            high: z.number().nullable(),
            method: z.enum(["newcombe-wilson-hybrid-score", "welch-t", "none"]),
          })
          .nullable(),
      }),
    ),
    breakdown: z
      .object({
        dimension: z.string(),
        rows: z.array(z.object({ key: z.string(), values: z.record(z.string(), Figure) })),
      })
      .nullable(),
  })
  .openapi("MetricsReport");

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
