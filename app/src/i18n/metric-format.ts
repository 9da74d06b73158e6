import type { Unit } from "../api/metrics-types";
import type { I18n } from "./I18nProvider";

export interface MetricFormat {
  /** A figure in its unit: 12.5 %, 4.2 min, 1.5 turns. */
  value(unit: Unit, value: number): string;
  /** A difference between arms, signed; shares differ in percentage points, not percent. */
  difference(unit: Unit, value: number): string;
  /** A count of threads, switches or handoffs. */
  count(n: number): string;
  /** A share on its own (the rollout's split). */
  share(value: number): string;
  /** A UTC day (YYYY-MM-DD) as the agent writes dates. */
  day(day: string): string;
  /** A UTC instant as a short day for a chart's axis (Mar 1, 1 mar). */
  axisDay(ms: number): string;
}

/** Numbers through Intl in the agent's locale; the words around them come from the catalog. */
export function metricFormat(locale: string, t: I18n["t"]): MetricFormat {
  const percent = new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1 });
  const minutes = (signed: boolean) =>
    new Intl.NumberFormat(locale, {
      style: "unit",
      unit: "minute",
      unitDisplay: "short",
      maximumFractionDigits: 1,
      signDisplay: signed ? "exceptZero" : "auto",
    });
  const number = (signed: boolean, digits = 2) =>
    new Intl.NumberFormat(locale, {
      maximumFractionDigits: digits,
      signDisplay: signed ? "exceptZero" : "auto",
    });
  const plain = { minutes: minutes(false), number: number(false) };
  const signed = { minutes: minutes(true), number: number(true), points: number(true, 1) };
  const count = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const day = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" });
  const axisDay = new Intl.DateTimeFormat(locale, {
    month: "short",
    day: "numeric",
    timeZone: "UTC",
  });

  const inUnit = (unit: Exclude<Unit, "share" | "minutes">, value: number, text: string) => {
    switch (unit) {
      case "turns":
        return t("metrics.unit.turns", { count: value, value: text });
      case "per thread":
        return t("metrics.unit.perThread", { value: text });
      case "per handoff":
        return t("metrics.unit.perHandoff", { value: text });
    }
  };

  return {
    value: (unit, value) => {
      if (unit === "share") return percent.format(value);
      if (unit === "minutes") return plain.minutes.format(value);
      return inUnit(unit, value, plain.number.format(value));
    },
    difference: (unit, value) => {
      if (unit === "share")
        return t("metrics.unit.points", { value: signed.points.format(value * 100) });
      if (unit === "minutes") return signed.minutes.format(value);
      return inUnit(unit, value, signed.number.format(value));
    },
    count: (n) => count.format(n),
    share: (value) => percent.format(value),
    day: (text) => {
      const at = Date.parse(text);
      return Number.isNaN(at) ? text : day.format(at);
    },
    axisDay: (ms) => axisDay.format(ms),
  };
}
