import styled from "styled-components";
import { Button } from "@zendeskgarden/react-buttons";
import { Skeleton } from "@zendeskgarden/react-loaders";
import { Alert, Well } from "@zendeskgarden/react-notifications";
import { MD, Paragraph, Span } from "@zendeskgarden/react-typography";
import { useI18n } from "../../hooks/useI18n";

const Stack = styled.div`
  display: grid;
  gap: ${({ theme }) => theme.space.sm};
`;

/** The page's shape while the figures load: a card, then rows. */
export function MetricsLoading() {
  const { t } = useI18n();
  return (
    <Stack role="status" aria-busy="true" data-testid="metrics-loading">
      <Span hidden>{t("metrics.loading")}</Span>
      <Skeleton height="96px" />
      <Skeleton width="40%" />
      <Skeleton />
      <Skeleton />
      <Skeleton width="80%" />
    </Stack>
  );
}

export function MetricsError({ status, onRetry }: { status: number; onRetry: () => void }) {
  const { t } = useI18n();
  return (
    <Alert type="error" data-testid="metrics-error">
      <Alert.Title>{t("metrics.error.title")}</Alert.Title>
      <Alert.Paragraph>
        {status > 0 ? t("metrics.error.status", { status }) : t("metrics.error.network")}
      </Alert.Paragraph>
      <Alert.Paragraph>
        <Button size="small" onClick={onRetry} data-testid="metrics-retry">
          {t("common.retry")}
        </Button>
      </Alert.Paragraph>
    </Alert>
  );
}

/**
 * Nothing to report, said on purpose: an empty window is not a failure and not a zero. Without a
 * segment or arm filter there is nothing to clear, which on a fresh install is the usual case, so
 * that page explains how threads get counted; only a filtered page suggests clearing filters.
 */
export function MetricsEmpty({
  from,
  to,
  onClearFilters,
}: {
  from: string;
  to: string;
  /** Given only when a segment or arm filter is set. */
  onClearFilters: (() => void) | null;
}) {
  const { t } = useI18n();
  // A fresh install has set no filter: nothing to clear, and its own words.
  const keys = onClearFilters ? "metrics.empty" : "metrics.empty.fresh";
  return (
    <Well isRecessed data-testid={onClearFilters ? "metrics-empty" : "metrics-fresh"}>
      <Stack>
        <MD tag="h2" isBold>
          {t(`${keys}.title`)}
        </MD>
        <Paragraph>{t(`${keys}.body`, { from, to })}</Paragraph>
        {onClearFilters && (
          <div>
            <Button size="small" onClick={onClearFilters} data-testid="metrics-clear-filters">
              {t("metrics.empty.clear")}
            </Button>
          </div>
        )}
      </Stack>
    </Well>
  );
}

/**
 * Said once for the whole page when no metric has a comparison, instead of in every row: without
 * a rollout, how one is started (docs/metrics.md); with one, that both arms still need threads.
 */
export function NoComparison({ rolloutRunning }: { rolloutRunning: boolean }) {
  const { t } = useI18n();
  return (
    <Paragraph data-testid="no-comparison">
      {rolloutRunning ? t("metrics.comparison.waiting") : t("metrics.comparison.noRollout")}
    </Paragraph>
  );
}

export function MetricsUnconfigured() {
  const { t } = useI18n();
  return (
    <Well isRecessed data-testid="metrics-unconfigured">
      <Stack>
        <MD tag="h2" isBold>
          {t("states.unconfigured.title")}
        </MD>
        <Paragraph>{t("states.unconfigured.body")}</Paragraph>
      </Stack>
    </Well>
  );
}
