import { useState } from "react";
import { Button } from "@zendeskgarden/react-buttons";
import { Field, Textarea } from "@zendeskgarden/react-forms";
import { useI18n } from "../hooks/useI18n";

/**
 * The person who has a web chat conversation writes to the customer from here: the customer's
 * page shows it at once through the live session, and the sidebar's timeline shows it too. The
 * draft is kept when sending fails, so nothing typed is lost.
 */
export function ChatReply(props: {
  pending: string | null;
  onWrite: (text: string) => Promise<boolean>;
}) {
  const { t } = useI18n();
  const [draft, setDraft] = useState("");
  const text = draft.trim();
  const send = async () => {
    if (await props.onWrite(text)) setDraft("");
  };
  return (
    <div>
      <Field>
        <Field.Label>{t("control.writeLabel")}</Field.Label>
        <Field.Hint>{t("control.writeHint")}</Field.Hint>
        <Textarea
          minRows={2}
          maxRows={8}
          maxLength={4000}
          value={draft}
          data-testid="chat-reply-input"
          onChange={(event) => setDraft(event.target.value)}
        />
      </Field>
      <Button
        size="small"
        isPrimary
        data-testid="chat-reply-send"
        disabled={!text || props.pending !== null}
        aria-busy={props.pending === "chat_message" || undefined}
        onClick={() => void send()}
      >
        {t("control.send")}
      </Button>
    </div>
  );
}
