import { useEffect, useRef } from "react";
import styled, { useTheme } from "styled-components";
import uPlot from "uplot";
import "uplot/dist/uPlot.min.css";
import { getColor } from "@zendeskgarden/react-theming";

const HEIGHT = 240;
const DAY = 86_400;
const HALF_DAY = DAY / 2;
/** Tick steps in whole days: the figures are daily, so an hour tick would mean nothing. */
const DAY_STEPS = [1, 2, 7, 14, 28, 56, 91].map((days) => days * DAY);

const Canvas = styled.div`
  width: 100%;
  min-height: ${HEIGHT}px;
`;

export interface DaySeries {
  /** UTC days, YYYY-MM-DD, one per point. */
  days: string[];
  /** The metric's value each day; null where no thread counted that day (drawn as a gap). */
  values: (number | null)[];
}

// uPlot reads time as seconds; the Worker's days are UTC, so the axis is drawn in UTC too.
const secondsOf = (day: string) => Date.parse(day) / 1000;
const utc = (seconds: number) => uPlot.tzDate(new Date(seconds * 1000), "Etc/UTC");

/**
 * One metric by day, drawn by uPlot on a canvas. The canvas is an image to assistive technology:
 * `label` describes it and the figures are in the table beside it.
 */
export function TimeSeriesChart(props: {
  series: DaySeries;
  label: string;
  /** The metric's own format for the value axis (percent, minutes, …). */
  format: (value: number) => string;
  /** A tick's day in the agent's locale, from milliseconds. */
  formatDay: (ms: number) => string;
}) {
  const { series, label, format, formatDay } = props;
  const box = useRef<HTMLDivElement>(null);
  const theme = useTheme();

  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const line = getColor({ theme, hue: "primaryHue", shade: 700 });
    const ink = getColor({ theme, variable: "foreground.subtle" });
    const grid = getColor({ theme, variable: "border.subtle" });
    const font = `${theme.fontSizes.sm} ${theme.fonts.system}`;
    const width = () => Math.max(element.clientWidth, 320);
    const xs = series.days.map(secondsOf);
    const first = xs[0] ?? 0;
    const last = xs.at(-1) ?? first;
    const chart = new uPlot(
      {
        width: width(),
        height: HEIGHT,
        tzDate: utc,
        legend: { show: false },
        cursor: { drag: { x: false, y: false } },
        scales: {
          // Exactly the window: uPlot's own padding stretches a one-day series over years.
          x: { time: true, range: () => [first - HALF_DAY, last + HALF_DAY] },
          // From zero: a chart that starts mid-range makes small changes look large.
          y: { range: (_u, _min, max) => [0, max > 0 ? max * 1.1 : 1] },
        },
        axes: [
          {
            stroke: ink,
            font,
            incrs: DAY_STEPS,
            values: (_u, splits) => splits.map((seconds) => formatDay(seconds * 1000)),
            grid: { stroke: grid, width: 1 },
            ticks: { stroke: grid },
          },
          {
            stroke: ink,
            font,
            size: 64,
            grid: { stroke: grid, width: 1 },
            ticks: { stroke: grid },
            values: (_u, splits) => splits.map((value) => format(value)),
          },
        ],
        series: [{}, { label, stroke: line, width: 2, points: { show: true, size: 6 } }],
      },
      [xs, series.values],
      element,
    );
    const observer = new ResizeObserver(() => chart.setSize({ width: width(), height: HEIGHT }));
    observer.observe(element);
    return () => {
      observer.disconnect();
      chart.destroy();
    };
  }, [series, label, format, formatDay, theme]);

  return <Canvas ref={box} role="img" aria-label={label} data-testid="time-series-chart" />;
}
