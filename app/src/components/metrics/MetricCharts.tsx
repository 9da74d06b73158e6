import { useCallback, useId, useMemo } from "react";
import styled from "styled-components";
import { Field, Select } from "@zendeskgarden/react-forms";
import { MD } from "@zendeskgarden/react-typography";
import type { Dimension, MetricId, MetricsReport } from "../../api/metrics-types";
import { daysOf } from "../../api/metrics-query";
import { useI18n } from "../../hooks/useI18n";
import { useMetricFormat } from "../../hooks/useMetricFormat";
import { BreakdownBars } from "./BreakdownBars";
import { DayTable } from "./DayTable";
import { DIMENSION_NAME, METRIC_NAME } from "./metric-labels";
import { TimeSeriesChart } from "./TimeSeriesChart";

const Region = styled.section`
  display: grid;
  gap: ${({ theme }) => theme.space.md};
`;

const Header = styled.div`
  display: flex;
  flex-wrap: wrap;
  align-items: flex-end;
  justify-content: space-between;
  gap: ${({ theme }) => theme.space.sm};
`;

const Picker = styled.div`
  min-width: 260px;
`;

const Panels = styled.div`
  display: grid;
  grid-template-columns: minmax(0, 2fr) minmax(240px, 1fr);
  gap: ${({ theme }) => theme.space.lg};

  @media (max-width: 800px) {
    grid-template-columns: minmax(0, 1fr);
  }
`;

/**
 * One metric over time (from the report grouped by day) and by the chosen breakdown (from the
 * report grouped by that dimension). Both read the API's rows; nothing is computed but layout.
 */
export function MetricCharts(props: {
  report: MetricsReport;
  series: MetricsReport;
  metric: MetricId;
  onMetric: (metric: MetricId) => void;
}) {
  const { report, series, metric } = props;
  const { t } = useI18n();
  const format = useMetricFormat();
  const id = useId();
  const figure = report.metrics.find((m) => m.id === metric) ?? report.metrics[0]!;
  const name = t(METRIC_NAME[figure.id]);
  const unit = figure.unit;

  const points = useMemo(() => {
    const days = daysOf(series.window);
    const byDay = new Map(
      (series.breakdown?.rows ?? []).map((row) => [row.key, row.values[figure.id]?.value ?? null]),
    );
    return { days, values: days.map((day) => byDay.get(day) ?? null) };
  }, [series, figure.id]);
  const formatValue = useCallback((value: number) => format.value(unit, value), [format, unit]);

  const range = { from: format.day(series.window.from), to: format.day(series.window.to) };
  const breakdown = report.breakdown;
  // The Worker echoes the groupBy it was asked for, one of the page's dimensions.
  const dimension = breakdown?.dimension as Dimension | undefined;

  return (
    <Region aria-labelledby={id} data-testid="charts">
      <Header>
        <MD tag="h2" isBold id={id}>
          {t("metrics.charts.title")}
        </MD>
        <Picker>
          <Field>
            <Field.Label>{t("metrics.charts.metric")}</Field.Label>
            <Select
              value={figure.id}
              onChange={(event) => props.onMetric(event.target.value as MetricId)}
              data-testid="chart-metric"
            >
              {report.metrics.map((m) => (
                <option key={m.id} value={m.id}>
                  {t(METRIC_NAME[m.id])}
                </option>
              ))}
            </Select>
          </Field>
        </Picker>
      </Header>
      <Panels>
        <TimeSeriesChart
          series={points}
          format={formatValue}
          formatDay={format.axisDay}
          label={t("metrics.charts.byDay", { metric: name, ...range })}
        />
        <DayTable
          rows={series.breakdown?.rows ?? []}
          metric={figure.id}
          unit={unit}
          caption={t("metrics.charts.byDayTable", { metric: name })}
        />
      </Panels>
      {breakdown && dimension && dimension !== "day" ? (
        <BreakdownBars
          rows={breakdown.rows}
          dimension={dimension}
          metric={figure.id}
          unit={unit}
          caption={t("metrics.charts.byDimension", {
            metric: name,
            dimension: t(DIMENSION_NAME[dimension]),
          })}
        />
      ) : null}
    </Region>
  );
}
