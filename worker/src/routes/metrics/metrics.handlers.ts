import { metricsCsv, metricsReport } from "../../domain/metrics/report";
import { ApiError } from "../../lib/problem";
import type { AppRouteHandler } from "../../lib/types";
import { readRollups, type RollupDimension } from "../../store/metric-rollups";
import { StoredKnowledgeDecision } from "../../contracts/metrics-report";
import { knowledgeReport } from "../../domain/metrics/knowledge";
import { knowledgeDecisions } from "../../store/audit";
import type { KnowledgeRoute, ReportRoute } from "./metrics.routes";

const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export const report: AppRouteHandler<ReportRoute> = async (c) => {
  const query = c.req.valid("query");
  const config = c.get("tenant").config;
  const to = query.to ?? dayOf(Date.now());
  const from = query.from ?? dayOf(Date.parse(to) - 29 * 86_400_000);
  if (from > to) throw new ApiError(422, "invalid_window", "`from` is after `to`");
  const filter = {
    from,
    to,
    category: query.category,
    channel: query.channel,
    tier: query.tier,
    arm: query.arm,
  };
  const dimension: RollupDimension = query.groupBy ?? null;
  const [cells, grouped] = await Promise.all([
    readRollups(c.env.DB, config.id, filter, null),
    dimension ? readRollups(c.env.DB, config.id, filter, dimension) : Promise.resolve(null),
  ]);
  const figures = metricsReport(
    cells,
    config.rollout?.primaryMetric ?? null,
    dimension && grouped ? { dimension, cells: grouped } : null,
  );
  if (query.format === "csv")
    return c.body(metricsCsv(figures), 200, {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="continuity-metrics-${from}-${to}.csv"`,
    }) as never;
  const filters = Object.fromEntries(
    (["category", "channel", "tier", "arm"] as const).flatMap((k) =>
      query[k] ? [[k, query[k]!]] : [],
    ),
  );
  return c.json(
    {
      window: { from, to },
      filters,
      rollout: config.rollout
        ? {
            continuityShare: config.rollout.continuityShare,
            gate: (config.rollout.gate as Record<string, string[]> | undefined) ?? null,
          }
        : null,
      ...figures,
    },
    200,
  );
};

/** The knowledge figures: what the Help Center answered, and where it had nothing (issue 15). */
export const knowledge: AppRouteHandler<KnowledgeRoute> = async (c) => {
  const query = c.req.valid("query");
  const to = query.to ?? dayOf(Date.now());
  const from = query.from ?? dayOf(Date.parse(to) - 29 * 86_400_000);
  if (from > to) throw new ApiError(422, "invalid_window", "`from` is after `to`");
  const stored = await knowledgeDecisions(c.env.DB, c.get("tenant").config.id, {
    from,
    to: dayOf(Date.parse(to) + 86_400_000),
  });
  const decisions = stored.flatMap(({ at, knowledge }) => {
    const parsed = StoredKnowledgeDecision.safeParse(knowledge);
    return parsed.success ? [{ ...parsed.data, at }] : [];
  });
  return c.json({ window: { from, to }, ...knowledgeReport(decisions) }, 200);
};
