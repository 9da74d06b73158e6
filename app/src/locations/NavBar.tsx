import { useEffect, useState } from "react";
import styled from "styled-components";
import { Button } from "@zendeskgarden/react-buttons";
import { XL } from "@zendeskgarden/react-typography";
import { MetricsDashboard } from "../components/metrics/MetricsDashboard";
import {
  MetricsError,
  MetricsLoading,
  MetricsUnconfigured,
} from "../components/metrics/MetricsStates";
import { SetupPage } from "../components/setup/SetupPage";
import { useClient } from "../hooks/useClient";
import { useI18n } from "../hooks/useI18n";
import { useMetricsApi } from "../hooks/useMetricsApi";
import type { ZafUser } from "../zaf/client";

const Main = styled.main`
  display: grid;
  gap: ${({ theme }) => theme.space.lg};
  max-width: 1200px;
  padding: ${({ theme }) => theme.space.lg};
`;

const Tabs = styled.nav`
  display: flex;
  gap: ${({ theme }) => theme.space.xs};
`;

function Metrics() {
  const { connection, retry } = useMetricsApi();
  return (
    <>
      {connection.state === "loading" ? <MetricsLoading /> : null}
      {connection.state === "unconfigured" ? <MetricsUnconfigured /> : null}
      {connection.state === "error" ? <MetricsError status={0} onRetry={retry} /> : null}
      {connection.state === "ready" ? <MetricsDashboard api={connection.api} /> : null}
    </>
  );
}

/** Admins see a Setup page beside the metrics; the Worker checks with Zendesk before it answers. */
function useIsAdmin(): boolean {
  const client = useClient();
  const [admin, setAdmin] = useState(false);
  useEffect(() => {
    let live = true;
    client
      .get("currentUser")
      .then((got) => live && setAdmin((got.currentUser as ZafUser | undefined)?.role === "admin"))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [client]);
  return admin;
}

/**
 * The nav_bar location: the rollout's metrics page and, for admins, the setup page. Every figure
 * comes from the Worker; the page is loaded on demand so the sidebar's bundle does not carry it.
 */
export default function NavBar() {
  const { t } = useI18n();
  const admin = useIsAdmin();
  const [page, setPage] = useState<"metrics" | "setup">("metrics");
  const shown = admin ? page : "metrics";
  return (
    <Main data-testid="navbar">
      <XL tag="h1" isBold>
        {t(shown === "setup" ? "setup.title" : "navbar.title")}
      </XL>
      {admin ? (
        <Tabs aria-label={t("setup.tabs")}>
          {(["metrics", "setup"] as const).map((name) => (
            <Button
              key={name}
              size="small"
              isBasic={shown !== name}
              isPrimary={shown === name}
              aria-current={shown === name ? "page" : undefined}
              onClick={() => setPage(name)}
              data-testid={`navbar-tab-${name}`}
            >
              {t(`setup.tab.${name}`)}
            </Button>
          ))}
        </Tabs>
      ) : null}
      {shown === "setup" ? <SetupPage /> : <Metrics />}
    </Main>
  );
}
