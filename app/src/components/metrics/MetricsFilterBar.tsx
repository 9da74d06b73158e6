import styled from "styled-components";
import { Field, Fieldset, Input, Select } from "@zendeskgarden/react-forms";
import type { ArmFilter, Dimension, Segment } from "../../api/metrics-types";
import {
  PRESET_DAYS,
  rangeOf,
  type MetricsFilters,
  type PresetDays,
  type WindowChoice,
} from "../../api/metrics-query";
import { useI18n } from "../../hooks/useI18n";
import { useMetricFormat } from "../../hooks/useMetricFormat";
import type { SegmentOptions } from "../../hooks/useSegmentOptions";
import { DIMENSION_NAME, segmentValue } from "./metric-labels";

const Row = styled.div`
  display: flex;
  flex-wrap: wrap;
  align-items: flex-start;
  gap: ${({ theme }) => `${theme.space.sm} ${theme.space.md}`};

  & > * {
    min-width: 160px;
  }
`;

const SEGMENTS: Segment[] = ["category", "channel", "tier"];
const ARMS: ArmFilter[] = ["continuity", "control"];
const DIMENSIONS: Dimension[] = ["day", "category", "channel", "tier", "arm"];
const ALL = "";

/** Window, segment, arm and breakdown: every choice maps to one query parameter. */
export function MetricsFilterBar(props: {
  filters: MetricsFilters;
  options: SegmentOptions;
  onChange: (filters: MetricsFilters) => void;
}) {
  const { filters, options, onChange } = props;
  const { t, tOr } = useI18n();
  const format = useMetricFormat();
  const chosen = filters.window;
  const set = (patch: Partial<MetricsFilters>) => onChange({ ...filters, ...patch });

  function pickWindow(value: string) {
    if (value !== "custom")
      return set({ window: { kind: "last", days: Number(value) as PresetDays } });
    // A custom window starts as the one on screen, so switching does not jump.
    const current = rangeOf(chosen) ?? rangeOf({ kind: "last", days: 30 })!;
    set({ window: { kind: "custom", ...current } });
  }

  const custom = chosen.kind === "custom" ? chosen : null;
  const invalid = custom !== null && rangeOf(custom) === null;
  const setDay = (end: "from" | "to", value: string) =>
    custom && set({ window: { ...custom, [end]: value } as WindowChoice });

  return (
    <Fieldset data-testid="metrics-filters">
      <Fieldset.Legend>{t("metrics.filters.title")}</Fieldset.Legend>
      <Row>
        <Field>
          <Field.Label>{t("metrics.filters.window")}</Field.Label>
          <Select
            value={custom ? "custom" : String(chosen.kind === "last" ? chosen.days : 30)}
            onChange={(event) => pickWindow(event.target.value)}
            data-testid="filter-window"
          >
            {PRESET_DAYS.map((days) => (
              <option key={days} value={days}>
                {t("metrics.filters.lastDays", { count: days })}
              </option>
            ))}
            <option value="custom">{t("metrics.filters.custom")}</option>
          </Select>
        </Field>
        {custom ? (
          <>
            <Field>
              <Field.Label>{t("metrics.filters.from")}</Field.Label>
              <Input
                type="date"
                value={custom.from}
                max={custom.to}
                onChange={(event) => setDay("from", event.target.value)}
                validation={invalid ? "error" : undefined}
                data-testid="filter-from"
              />
            </Field>
            <Field>
              <Field.Label>{t("metrics.filters.to")}</Field.Label>
              <Input
                type="date"
                value={custom.to}
                min={custom.from}
                onChange={(event) => setDay("to", event.target.value)}
                validation={invalid ? "error" : undefined}
                data-testid="filter-to"
              />
              {invalid ? (
                <Field.Message validation="error">
                  {t("metrics.filters.invalidWindow")}
                </Field.Message>
              ) : null}
            </Field>
          </>
        ) : null}
        {SEGMENTS.map((segment) => {
          const selected = filters.segments[segment];
          // The chosen value stays listed even when the window no longer has threads in it.
          const values = [...new Set([...options[segment], ...(selected ? [selected] : [])])];
          return (
            <Field key={segment}>
              <Field.Label>{t(DIMENSION_NAME[segment])}</Field.Label>
              <Select
                value={selected ?? ALL}
                onChange={(event) =>
                  set({ segments: { ...filters.segments, [segment]: event.target.value || null } })
                }
                data-testid={`filter-${segment}`}
              >
                <option value={ALL}>{t("metrics.filters.all")}</option>
                {values.map((value) => (
                  <option key={value} value={value}>
                    {segmentValue(tOr, format.day, segment, value)}
                  </option>
                ))}
              </Select>
            </Field>
          );
        })}
        <Field>
          <Field.Label>{t("metrics.dimension.arm")}</Field.Label>
          <Select
            value={filters.arm ?? ALL}
            onChange={(event) => set({ arm: (event.target.value || null) as ArmFilter | null })}
            data-testid="filter-arm"
          >
            <option value={ALL}>{t("metrics.filters.allArms")}</option>
            {ARMS.map((arm) => (
              <option key={arm} value={arm}>
                {t(`metrics.arm.${arm}`)}
              </option>
            ))}
          </Select>
        </Field>
        <Field>
          <Field.Label>{t("metrics.filters.groupBy")}</Field.Label>
          <Select
            value={filters.groupBy}
            onChange={(event) => set({ groupBy: event.target.value as Dimension })}
            data-testid="filter-group-by"
          >
            {DIMENSIONS.map((dimension) => (
              <option key={dimension} value={dimension}>
                {t(DIMENSION_NAME[dimension])}
              </option>
            ))}
          </Select>
        </Field>
      </Row>
    </Fieldset>
  );
}
