import { useState } from "react";
import { Anchor, Button } from "@zendeskgarden/react-buttons";
import { Alert, Well } from "@zendeskgarden/react-notifications";
import { MD, Paragraph } from "@zendeskgarden/react-typography";
import { messageOf, stateOf, type RoundTrip, type SetupApi } from "../../api/setup-api";
import { useI18n } from "../../hooks/useI18n";

/**
 * Opens Zendesk's consent screen in a window of its own (Zendesk's own pages refuse to be
 * framed), from the address the Worker signed. The page then polls: its `state` is what the app
 * collects the admin session with.
 */
export async function openConsent(
  api: SetupApi,
  intent: RoundTrip,
): Promise<{ url: string; state: string | null; opened: boolean } | { error: string | null }> {
  // Opened first, synchronously in the click, so popup blockers let it through; pointed later.
  const popup = window.open("", `continuity-${intent}`, "popup,width=640,height=720");
  const outcome = await api.start(intent);
  if (outcome.kind !== "ok") {
    popup?.close();
    return { error: messageOf(outcome) };
  }
  const url = outcome.body.authorizeUrl;
  if (popup) popup.location.href = url;
  return { url, state: stateOf(url), opened: popup !== null };
}

export function ConnectPanel(props: {
  api: SetupApi;
  connected: boolean;
  waiting: boolean;
  onWaiting: (state: string | null) => void;
}) {
  const { t } = useI18n();
  const [link, setLink] = useState<string | null>(null);
  const [error, setError] = useState<string | null | undefined>(undefined);
  const connect = async () => {
    setError(undefined);
    const result = await openConsent(props.api, "connect");
    if ("error" in result) return setError(result.error);
    setLink(result.opened ? null : result.url);
    props.onWaiting(result.state);
  };
  return (
    <Well data-testid="setup-connect">
      <MD isBold>{t(props.connected ? "setup.connect.again" : "setup.connect.title")}</MD>
      <Paragraph>{t("setup.connect.body")}</Paragraph>
      <Button
        isPrimary={!props.connected}
        onClick={connect}
        disabled={props.waiting}
        data-testid="setup-connect-button"
      >
        {t("setup.connect.button")}
      </Button>
      {props.waiting ? (
        <Paragraph role="status" data-testid="setup-waiting">
          {t("setup.connect.waiting")}
        </Paragraph>
      ) : null}
      {link ? (
        <Paragraph>
          <Anchor href={link} isExternal target="_blank" rel="noopener">
            {t("setup.connect.openLink")}
          </Anchor>
        </Paragraph>
      ) : null}
      {error !== undefined ? (
        <Alert type="error" data-testid="setup-connect-error">
          {error ?? t("setup.connect.failed")}
        </Alert>
      ) : null}
    </Well>
  );
}
