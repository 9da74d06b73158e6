import { z } from "@hono/zod-openapi";
import { METRIC_IDS, METRIC_UNITS } from "../domain/metrics/catalog";
import type { MetricsReport as DomainReport } from "../domain/metrics/report";

const Figure = z.object({ value: z.number().nullable(), n: z.number() });

/** What GET /v1/metrics answers with format=json. */
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
        unit: z.enum(METRIC_UNITS),
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

export type MetricsReportContract = z.infer<typeof MetricsReportSchema>;

// The handler returns the domain's report plus the window, filters and rollout; these fail to
// compile if the contract and the domain drift apart, either way.
type Extras = Pick<MetricsReportContract, "window" | "filters" | "rollout">;
const _fromDomain: (report: DomainReport & Extras) => MetricsReportContract = (report) => report;
const _toDomain: (report: MetricsReportContract) => DomainReport = (report) => report;
void _fromDomain;
void _toDomain;

/** What GET /v1/metrics/knowledge answers: general questions answered from the Help Center or not. */
export const KnowledgeReportSchema = z
  .object({
    window: z.object({ from: z.string(), to: z.string() }),
    rows: z.array(
      z.object({
        category: z.string(),
        language: z.string(),
        answered: z.number().int(),
        noneFound: z.number().int(),
        unavailable: z.number().int(),
      }),
    ),
    articles: z.array(z.object({ articleId: z.string(), url: z.string(), answers: z.number() })),
    unanswered: z
      .array(
        z.object({
          at: z.string(),
          category: z.string(),
          language: z.string(),
          question: z.string().openapi({
            description:
              "The customer's question with emails, phone numbers, order numbers and names masked.",
          }),
        }),
      )
      .openapi({
        description:
          "The newest general questions no article answered in the window, newest first (at most 20); kept as long as the tenant keeps messages.",
      }),
  })
  .openapi("KnowledgeReport");
export type KnowledgeReportContract = z.infer<typeof KnowledgeReportSchema>;

/** A knowledge decision as the audit trail keeps it; entries of another shape are not counted. */
export const StoredKnowledgeDecision = z.union([
  z.object({
    category: z.string(),
    language: z.string(),
    outcome: z.literal("answered"),
    source: z.string(),
    articleId: z.string(),
    title: z.string().default(""),
    url: z.string(),
    locale: z.string(),
    score: z.number(),
  }),
  z.object({
    category: z.string(),
    language: z.string(),
    outcome: z.literal("none_found"),
    source: z.string(),
    question: z.string().optional(),
  }),
  z.object({
    category: z.string(),
    language: z.string(),
    outcome: z.literal("unavailable"),
    source: z.string(),
  }),
]);
