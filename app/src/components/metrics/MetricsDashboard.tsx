import { useMemo, useState } from "react";
import styled from "styled-components";
import { Paragraph } from "@zendeskgarden/react-typography";
import type { MetricsApi } from "../../api/metrics-api";
import type { MetricId, MetricsReport } from "../../api/metrics-types";
import { metricsQuery, rangeOf, type MetricsFilters } from "../../api/metrics-query";
import { useI18n } from "../../hooks/useI18n";
import { useMetricFormat } from "../../hooks/useMetricFormat";
import { useMetricsReport } from "../../hooks/useMetricsReport";
import { useSegmentOptions } from "../../hooks/useSegmentOptions";
import { useKnowledgeReport } from "../../hooks/useKnowledgeReport";
import { KnowledgeFigures } from "./KnowledgeFigures";
import { CsvExport } from "./CsvExport";
import { MetricCharts } from "./MetricCharts";
import { MetricGroup } from "./MetricGroup";
import { MetricsFilterBar } from "./MetricsFilterBar";
import { MetricsEmpty, MetricsError, MetricsLoading, NoComparison } from "./MetricsStates";
import { PrimaryMetric } from "./PrimaryMetric";

const Toolbar = styled.div`
  display: flex;
  flex-wrap: wrap;
  align-items: center;
  justify-content: space-between;
  gap: ${({ theme }) => theme.space.sm};
`;

const INITIAL: MetricsFilters = {
  window: { kind: "last", days: 30 },
  segments: { category: null, channel: null, tier: null },
  arm: null,
  groupBy: "channel",
};

/** No thread counted towards any metric: the window is empty, not zero. */
const isEmpty = (report: MetricsReport) => report.metrics.every((m) => m.n === 0);

/** A segment or arm filter narrows the report; the window alone does not. */
const isFiltered = (filters: MetricsFilters) =>
  filters.arm !== null || Object.values(filters.segments).some((value) => value !== null);

/** The metric the charts start on: the declared primary one, else the first with data. */
function defaultChartMetric(report: MetricsReport): MetricId {
  return (
    report.primaryMetric ??
    report.metrics.find((m) => m.n > 0)?.id ??
    report.metrics[0]?.id ??
    "transfer_rate"
  );
}

/** The metrics page once the Worker is known: filters, then the figures they select. */
export function MetricsDashboard({ api }: { api: MetricsApi }) {
  const { t } = useI18n();
  const format = useMetricFormat();
  const [filters, setFilters] = useState<MetricsFilters>(INITIAL);
  const [chartMetric, setChartMetric] = useState<MetricId | null>(null);

  const range = useMemo(() => rangeOf(filters.window), [filters.window]);
  const query = range && metricsQuery(range, filters, { groupBy: filters.groupBy });
  const seriesQuery = range && metricsQuery(range, filters, { groupBy: "day" });
  const options = useSegmentOptions(api, range);
  const { view, retry } = useMetricsReport(api, query, seriesQuery);
  const knowledge = useKnowledgeReport(api, range);

  let body = null;
  if (!range) body = null;
  else if (view.state === "loading") body = <MetricsLoading />;
  else if (view.state === "error") body = <MetricsError status={view.status} onRetry={retry} />;
  else if (isEmpty(view.report))
    body = (
      <MetricsEmpty
        from={format.day(view.report.window.from)}
        to={format.day(view.report.window.to)}
        onClearFilters={
          isFiltered(filters)
            ? () => setFilters({ ...filters, segments: INITIAL.segments, arm: null })
            : null
        }
      />
    );
  else {
    const { report, series } = view;
    // Both groups share the decision, so their columns still line up under each other.
    const show = {
      arms: report.metrics.some((m) => m.arms.continuity || m.arms.control),
      difference: report.metrics.some((m) => m.comparison),
    };
    body = (
      <>
        <Toolbar>
          <Paragraph data-testid="metrics-window">
            {t("metrics.window", {
              from: format.day(report.window.from),
              to: format.day(report.window.to),
            })}
          </Paragraph>
          <CsvExport
            api={api}
            query={metricsQuery(range, filters, { groupBy: filters.groupBy, format: "csv" })}
            fileName={`continuity-metrics-${report.window.from}-${report.window.to}.csv`}
            metrics={report.metrics}
          />
        </Toolbar>
        <PrimaryMetric report={report} />
        {show.difference ? null : <NoComparison rolloutRunning={report.rollout !== null} />}
        <MetricGroup
          group="fidelity"
          metrics={report.metrics.filter((m) => m.group === "fidelity")}
          show={show}
        />
        <MetricGroup
          group="outcome"
          metrics={report.metrics.filter((m) => m.group === "outcome")}
          show={show}
        />
        <MetricCharts
          report={report}
          series={series}
          metric={chartMetric ?? defaultChartMetric(report)}
          onMetric={setChartMetric}
        />
        {knowledge ? <KnowledgeFigures report={knowledge} /> : null}
      </>
    );
  }

  return (
    <>
      <MetricsFilterBar filters={filters} options={options} onChange={setFilters} />
      <div aria-busy={view.state === "loading"}>{body}</div>
    </>
  );
}
