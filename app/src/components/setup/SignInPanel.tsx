import { useState } from "react";
import { Anchor, Button } from "@zendeskgarden/react-buttons";
import { Alert, Well } from "@zendeskgarden/react-notifications";
import { MD, Paragraph } from "@zendeskgarden/react-typography";
import type { SetupApi } from "../../api/setup-api";
import { useI18n } from "../../hooks/useI18n";
import { openConsent } from "./ConnectPanel";

/**
 * "Sign in as admin": Zendesk's consent screen proves that this user is an admin of the account
 * (the Worker reads the role with the token, then revokes it), and the app collects the session
 * that proof mints. Nothing the browser says about who it is counts.
 */
export function SignInPanel(props: {
  api: SetupApi;
  waiting: boolean;
  onWaiting: (state: string | null) => void;
}) {
  const { t } = useI18n();
  const [link, setLink] = useState<string | null>(null);
  const [error, setError] = useState<string | null | undefined>(undefined);
  const signIn = async () => {
    setError(undefined);
    const result = await openConsent(props.api, "admin_session");
    if ("error" in result) return setError(result.error);
    setLink(result.opened ? null : result.url);
    props.onWaiting(result.state);
  };
  return (
    <Well data-testid="setup-sign-in">
      <MD isBold>{t("setup.signIn.title")}</MD>
      <Paragraph>{t("setup.signIn.body")}</Paragraph>
      <Button
        isPrimary
        onClick={signIn}
        disabled={props.waiting}
        data-testid="setup-sign-in-button"
      >
        {t("setup.signIn.button")}
      </Button>
      {props.waiting ? (
        <Paragraph role="status" data-testid="setup-sign-in-waiting">
          {t("setup.signIn.waiting")}
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
        <Alert type="error" data-testid="setup-sign-in-error">
          {error ?? t("setup.signIn.failed")}
        </Alert>
      ) : null}
    </Well>
  );
}
