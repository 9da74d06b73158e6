import { useState } from "react";
import { Button } from "@zendeskgarden/react-buttons";
import { Alert, Well } from "@zendeskgarden/react-notifications";
import { MD, Paragraph } from "@zendeskgarden/react-typography";
import type { SetupApi } from "../../api/setup-api";
import { useI18n } from "../../hooks/useI18n";
import { openConsent } from "./ConsentPanel";

/**
 * Disconnect says first what goes (the webhook, the tokens, the stored credentials) and what
 * stays (the tenant's data, until its retention ends or erasure is asked for); Zendesk's consent
 * screen then proves, again, that an admin asked.
 */
export function DisconnectPanel(props: {
  api: SetupApi;
  retentionDays: number | null;
  waiting: boolean;
  onWaiting: (state: string | null) => void;
}) {
  const { t } = useI18n();
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null | undefined>(undefined);
  const disconnect = async () => {
    setError(undefined);
    const result = await openConsent(props.api, "disconnect");
    if ("error" in result) return setError(result.because ? t(result.because) : result.error);
    setConfirming(false);
    props.onWaiting(result.state);
  };
  return (
    <Well data-testid="setup-disconnect">
      <MD isBold>{t("setup.disconnect.title")}</MD>
      <Paragraph>{t("setup.disconnect.removes")}</Paragraph>
      <Paragraph>{t("setup.disconnect.keeps", { days: props.retentionDays ?? "—" })}</Paragraph>
      {confirming ? (
        <>
          <Button
            isDanger
            onClick={disconnect}
            disabled={props.waiting}
            data-testid="setup-disconnect-confirm"
          >
            {t("setup.disconnect.confirm")}
          </Button>{" "}
          <Button isBasic onClick={() => setConfirming(false)}>
            {t("setup.disconnect.cancel")}
          </Button>
        </>
      ) : (
        <Button
          isDanger
          onClick={() => setConfirming(true)}
          disabled={props.waiting}
          data-testid="setup-disconnect-button"
        >
          {t("setup.disconnect.button")}
        </Button>
      )}
      {props.waiting ? <Paragraph role="status">{t("setup.connect.waiting")}</Paragraph> : null}
      {error !== undefined ? (
        <Alert type="error">{error ?? t("setup.connect.failed")}</Alert>
      ) : null}
    </Well>
  );
}
