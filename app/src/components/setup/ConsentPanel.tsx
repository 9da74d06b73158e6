import { useState } from "react";
import { Anchor, Button } from "@zendeskgarden/react-buttons";
import { Alert, Well } from "@zendeskgarden/react-notifications";
import { MD, Paragraph } from "@zendeskgarden/react-typography";
import { messageOf, stateOf, type RoundTrip, type SetupApi } from "../../api/setup-api";
import { useI18n } from "../../hooks/useI18n";
import type { Ended } from "../../hooks/useSetup";
import type { TranslationKey } from "../../i18n/translate";

/**
 * Opens Zendesk's consent screen in a window of its own (Zendesk's own pages refuse to be
 * framed), from the address the Worker signed. The page then polls: its `state` is what the app
 * collects the admin session with.
 */
export async function openConsent(
  api: SetupApi,
  intent: RoundTrip,
): Promise<
  | { url: string; state: string | null; opened: boolean }
  | { error: string | null; because?: TranslationKey }
> {
  // Opened first, synchronously in the click, so popup blockers let it through; pointed later.
  const popup = window.open("", `continuity-${intent}`, "popup,width=640,height=720");
  const outcome = await api.start(intent);
  if (outcome.kind !== "ok") {
    popup?.close();
    // Too many round trips started: said in the admin's language, not the Worker's English.
    if (outcome.kind === "failed" && outcome.status === 429)
      return { error: messageOf(outcome), because: "setup.consent.tooManyStarts" };
    return { error: messageOf(outcome) };
  }
  const url = outcome.body.authorizeUrl;
  if (popup) popup.location.href = url;
  return { url, state: stateOf(url), opened: popup !== null };
}

/** What a consent round trip is called on the page: its strings and its test ids. */
export interface ConsentCopy {
  title: TranslationKey;
  body: TranslationKey;
  button: TranslationKey;
  waiting: TranslationKey;
  failed: TranslationKey;
  testId: string;
  waitingTestId: string;
}

/** The Worker's reasons a round trip ended without a session that the admin is told in words. */
const ENDED_BECAUSE: Record<string, TranslationKey> = {
  not_an_admin: "setup.consent.notAdmin",
  consent_declined: "setup.consent.declined",
};

/** One round trip through Zendesk's consent screen (Connect, or signing in as admin). */
export function ConsentPanel(props: {
  api: SetupApi;
  intent: RoundTrip;
  copy: ConsentCopy;
  isPrimary: boolean;
  waiting: boolean;
  /** The last round trip of this kind ended without a session, and why. */
  ended?: Ended | null | undefined;
  onWaiting: (state: string | null) => void;
}) {
  const { t } = useI18n();
  const { copy } = props;
  const ended = props.ended?.intent === props.intent ? props.ended : null;
  const because = ended?.code ? ENDED_BECAUSE[ended.code] : undefined;
  const [link, setLink] = useState<string | null>(null);
  const [error, setError] = useState<string | null | undefined>(undefined);
  const start = async () => {
    setError(undefined);
    const result = await openConsent(props.api, props.intent);
    if ("error" in result) return setError(result.because ? t(result.because) : result.error);
    setLink(result.opened ? null : result.url);
    props.onWaiting(result.state);
  };
  return (
    <Well data-testid={copy.testId}>
      <MD isBold>{t(copy.title)}</MD>
      <Paragraph>{t(copy.body)}</Paragraph>
      <Button
        isPrimary={props.isPrimary}
        onClick={start}
        disabled={props.waiting}
        data-testid={`${copy.testId}-button`}
      >
        {t(copy.button)}
      </Button>
      {props.waiting ? (
        <Paragraph role="status" data-testid={copy.waitingTestId}>
          {t(copy.waiting)}
        </Paragraph>
      ) : null}
      {link ? (
        <Paragraph>
          <Anchor href={link} isExternal target="_blank" rel="noopener">
            {t("setup.connect.openLink")}
          </Anchor>
        </Paragraph>
      ) : null}
      {ended ? (
        <Alert type="warning" data-testid={`${copy.testId}-ended`}>
          {because ? t(because) : (ended.message ?? t("setup.consent.ended"))}
        </Alert>
      ) : null}
      {error !== undefined ? (
        <Alert type="error" data-testid={`${copy.testId}-error`}>
          {error ?? t(copy.failed)}
        </Alert>
      ) : null}
    </Well>
  );
}
