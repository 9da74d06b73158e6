import styled from "styled-components";
import { Button } from "@zendeskgarden/react-buttons";
import { Dots } from "@zendeskgarden/react-loaders";
import { Alert } from "@zendeskgarden/react-notifications";
import { LG } from "@zendeskgarden/react-typography";
import type { FixAction } from "../../api/setup-types";
import { useI18n } from "../../hooks/useI18n";
import { connectedWithOAuth, useSetup } from "../../hooks/useSetup";
import { Checklist } from "./Checklist";
import { ConnectPanel } from "./ConnectPanel";
import { openConsent } from "./ConsentPanel";
import { DisconnectPanel } from "./DisconnectPanel";
import { SectionForm } from "./SectionForm";
import { SignInPanel } from "./SignInPanel";
import { SECTIONS } from "./section-specs";

const Stack = styled.div`
  display: grid;
  gap: ${({ theme }) => theme.space.lg};
`;

const Heading = styled.div`
  display: flex;
  gap: ${({ theme }) => theme.space.md};
  align-items: center;
`;

const Forms = styled.div`
  display: grid;
  grid-template-columns: repeat(auto-fill, minmax(320px, 1fr));
  gap: ${({ theme }) => theme.space.lg};
`;

/**
 * The admin's setup and health page: Connect, the checklist, the settings forms and Disconnect.
 * For admins only: an admin session proven through Zendesk's consent screen opens it.
 */
export function SetupPage({ pollMs }: { pollMs?: number }) {
  const { t } = useI18n();
  const { view, waiting, ended, waitFor, retry, show, refresh } = useSetup(pollMs);

  if (view.state === "loading")
    return <Dots aria-label={t("setup.loading")} data-testid="setup-loading" />;
  if (view.state === "unconfigured")
    return (
      <Alert type="warning" data-testid="setup-unconfigured">
        {t("setup.unconfigured")}
      </Alert>
    );
  if (view.state === "notAdmin")
    return (
      <Alert type="info" data-testid="setup-not-admin">
        {t("setup.notAdmin")}
      </Alert>
    );
  if (view.state === "error")
    return (
      <Alert type="error" data-testid="setup-error">
        <Alert.Title>{t("setup.error")}</Alert.Title>
        <Alert.Paragraph>{view.message ?? t("setup.connect.failed")}</Alert.Paragraph>
        <Button size="small" onClick={retry}>
          {t("common.retry")}
        </Button>
      </Alert>
    );
  if (view.state === "disconnected")
    return (
      <Stack data-testid="setup-page" data-connected="false">
        <ConnectPanel
          api={view.api}
          connected={false}
          waiting={waiting === "connect"}
          ended={ended}
          onWaiting={(state) => waitFor("connect", state)}
        />
      </Stack>
    );
  // Known to the Worker, but no admin session in hand: sign in through Zendesk (or reconnect).
  if (view.state === "signedOut")
    return (
      <Stack data-testid="setup-page" data-signed-in="false">
        <SignInPanel
          api={view.api}
          waiting={waiting === "admin_session"}
          ended={ended}
          onWaiting={(state) => waitFor("admin_session", state)}
        />
        <ConnectPanel
          api={view.api}
          connected={false}
          waiting={waiting === "connect"}
          ended={ended}
          onWaiting={(state) => waitFor("connect", state)}
        />
      </Stack>
    );

  const { api, health } = view;
  const connected = connectedWithOAuth(health);
  const fix = (action: FixAction) => {
    if (action === "connect")
      void openConsent(api, "connect").then((r) => "url" in r && waitFor("connect", r.state));
    else document.getElementById(`setup-form-${action}`)?.scrollIntoView({ behavior: "smooth" });
  };
  return (
    <Stack data-testid="setup-page" data-connected={String(connected)}>
      <ConnectPanel
        api={api}
        connected={connected}
        waiting={waiting === "connect"}
        ended={ended}
        onWaiting={(state) => waitFor("connect", state)}
      />
      <section>
        <Heading>
          <LG tag="h2" isBold>
            {t("setup.checklist")}
          </LG>
          <Button size="small" isBasic onClick={() => void refresh()} data-testid="setup-refresh">
            {t("setup.refresh")}
          </Button>
        </Heading>
        <Checklist rows={health.rows} onFix={fix} />
      </section>
      <Forms>
        {SECTIONS.map((spec) => (
          <SectionForm key={spec.section} spec={spec} api={api} health={health} onSaved={show} />
        ))}
      </Forms>
      {connected ? (
        <DisconnectPanel
          api={api}
          retentionDays={
            typeof health.settings.retention.messagesDays === "number"
              ? health.settings.retention.messagesDays
              : null
          }
          waiting={waiting === "disconnect"}
          onWaiting={(state) => waitFor("disconnect", state)}
        />
      ) : null}
    </Stack>
  );
}
