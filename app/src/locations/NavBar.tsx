import styled from "styled-components";
import { XL } from "@zendeskgarden/react-typography";
import { MetricsDashboard } from "../components/metrics/MetricsDashboard";
import {
  MetricsError,
  MetricsLoading,
  MetricsUnconfigured,
} from "../components/metrics/MetricsStates";
import { useI18n } from "../hooks/useI18n";
import { useMetricsApi } from "../hooks/useMetricsApi";

const Main = styled.main`
  display: grid;
  gap: ${({ theme }) => theme.space.lg};
  max-width: 1200px;
  padding: ${({ theme }) => theme.space.lg};
`;

/**
 * The nav_bar location: the rollout's metrics page. Every figure on it comes from the Worker's
 * GET /v1/metrics; it is loaded on demand so the sidebar's bundle does not carry it.
 */
export default function NavBar() {
  const { t } = useI18n();
  const { connection, retry } = useMetricsApi();
  return (
    <Main data-testid="navbar">
      <XL tag="h1" isBold>
        {t("navbar.title")}
      </XL>
      {connection.state === "loading" ? <MetricsLoading /> : null}
      {connection.state === "unconfigured" ? <MetricsUnconfigured /> : null}
      {connection.state === "error" ? <MetricsError status={0} onRetry={retry} /> : null}
      {connection.state === "ready" ? <MetricsDashboard api={connection.api} /> : null}
    </Main>
  );
}
