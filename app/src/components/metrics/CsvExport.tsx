import { useRef, useState } from "react";
import styled from "styled-components";
import { Button } from "@zendeskgarden/react-buttons";
import { getColor } from "@zendeskgarden/react-theming";
import type { MetricsApi } from "../../api/metrics-api";
import type { MetricFigure } from "../../api/metrics-types";
import { useI18n } from "../../hooks/useI18n";
import { copyText } from "../copyText";
import { annotateCsv } from "./csv-annotate";

const Bar = styled.div`
  display: flex;
  flex-wrap: wrap;
  align-items: center;
  gap: ${({ theme }) => theme.space.xs};
`;

const Status = styled.span`
  font-size: ${({ theme }) => theme.fontSizes.sm};
  color: ${({ theme }) => getColor({ theme, variable: "foreground.subtle" })};
`;

type Outcome = "downloaded" | "copied" | "copyFailed" | "failed" | null;

/**
 * The same figures as CSV, from the Worker (format=csv): its rows are never re-serialised here,
 * only given the columns a reader needs beside them (units, good direction, definitions and the
 * filters applied; see csv-annotate.ts). Zendesk's iframe may be sandboxed without downloads,
 * and a blocked download fails silently, so copying the CSV is always offered beside it.
 */
export function CsvExport(props: {
  api: MetricsApi;
  query: string;
  fileName: string;
  /** The report's metrics, for each row's unit and good direction. */
  metrics: MetricFigure[];
}) {
  const { t } = useI18n();
  const [busy, setBusy] = useState<"download" | "copy" | null>(null);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const cached = useRef<{ query: string; csv: string } | null>(null);

  async function fetchCsv(): Promise<string | null> {
    if (cached.current?.query !== props.query) {
      const answer = await props.api.csv(props.query);
      if (answer.kind !== "ok") return null;
      cached.current = { query: props.query, csv: answer.body };
    }
    return annotateCsv(cached.current.csv, props.query, props.metrics, t);
  }

  async function download() {
    setBusy("download");
    setOutcome(null);
    try {
      const csv = await fetchCsv();
      if (csv === null) return setOutcome("failed");
      const url = URL.createObjectURL(new Blob([csv], { type: "text/csv;charset=utf-8" }));
      const link = document.createElement("a");
      link.href = url;
      link.download = props.fileName;
      link.hidden = true;
      document.body.append(link);
      link.click();
      link.remove();
      // The browser reads the blob when the download starts; keep it a moment for slow ones.
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      setOutcome("downloaded");
    } finally {
      setBusy(null);
    }
  }

  async function copy() {
    setBusy("copy");
    setOutcome(null);
    try {
      const csv = await fetchCsv();
      if (csv === null) return setOutcome("failed");
      setOutcome((await copyText(csv)) ? "copied" : "copyFailed");
    } finally {
      setBusy(null);
    }
  }

  return (
    <Bar data-testid="csv-export">
      <Button
        size="small"
        onClick={() => void download()}
        disabled={busy !== null}
        data-testid="csv-download"
      >
        {t("metrics.csv.download")}
      </Button>
      <Button
        size="small"
        isBasic
        onClick={() => void copy()}
        disabled={busy !== null}
        data-testid="csv-copy"
      >
        {t("metrics.csv.copy")}
      </Button>
      <Status role="status" data-testid="csv-status">
        {outcome ? t(`metrics.csv.${outcome}`) : null}
      </Status>
    </Bar>
  );
}
