import { useMemo } from "react";
import { metricFormat, type MetricFormat } from "../i18n/metric-format";
import { useI18n } from "./useI18n";

export function useMetricFormat(): MetricFormat {
  const { locale, t } = useI18n();
  return useMemo(() => metricFormat(locale, t), [locale, t]);
}
