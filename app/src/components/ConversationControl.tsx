import { useEffect, useRef, useState } from "react";
import { Button } from "@zendeskgarden/react-buttons";
import { Alert } from "@zendeskgarden/react-notifications";
import { Paragraph, SM } from "@zendeskgarden/react-typography";
import type { ActionDetails, SessionControl, ThreadAction } from "../api/types";
import type { SessionRole } from "../api/worker-api";
import { useI18n } from "../hooks/useI18n";
import { useMinutesSince } from "../hooks/useMinutesSince";
import { ChatReply } from "./ChatReply";
import { Section } from "./Section";

/**
 * A person who took the conversation warm and has not written yet is reminded after this long:
 * the customer was told someone is joining and is waiting for them.
 */
export const WAITING_REMINDER_MINUTES = 2;

/**
 * Who has the conversation, as the live session says it now: the AI, a person, or nobody yet
 * after the AI handed it over; whether the AI is still there in a warm transfer; and, for a
 * supervisor, that they are watching and can take over. Shown only while attached, so it is
 * never stale; the one who had the conversation is told when a supervisor takes it.
 */
export function ConversationControl(props: {
  control: SessionControl | null;
  you: string | null;
  role: SessionRole;
  pending: string | null;
  onAct: (action: ThreadAction, details?: ActionDetails) => Promise<boolean>;
  /** The customer has a conversation on the web chat page, which a person can write into. */
  chatPage: boolean;
  onWrite: (text: string) => Promise<boolean>;
}) {
  const { t } = useI18n();
  const { control, you } = props;
  // When the holder was you and now is someone else, say who took it (until you have it again).
  const lastHolder = useRef<string | null>(null);
  const [takenBy, setTakenBy] = useState<string | null>(null);
  useEffect(() => {
    const now = control?.holder ?? null;
    if (!control) return;
    if (lastHolder.current === you && now && now.participantId !== you) setTakenBy(now.name);
    if (now?.participantId === you || control.owner === "ai") setTakenBy(null);
    lastHolder.current = now?.participantId ?? null;
  }, [control, you]);
  const holder = control?.holder ?? null;
  const mine = holder !== null && holder.participantId === you;
  const waiting = mine && control?.owner === "human" && control.aiStaying;
  const waited = useMinutesSince(waiting ? control.heldSince : null);
  if (!control) return null;
  const who =
    control.owner === "ai"
      ? t("control.ai")
      : !holder
        ? t("control.unclaimed")
        : mine
          ? t("control.you")
          : t(holder.role === "supervisor" ? "control.supervisor" : "control.person", {
              name: holder.name,
            });
  const canTakeOver =
    props.role === "supervisor" && control.owner === "human" && holder !== null && !mine;
  return (
    <Section title={t("control.heading")} testId="conversation-control">
      <Paragraph data-testid="control-holder">{who}</Paragraph>
      {takenBy ? (
        <Paragraph data-testid="control-taken-from-you" role="status">
          {t("control.takenFromYou", { name: takenBy })}
        </Paragraph>
      ) : null}
      {control.owner === "human" && control.aiStaying ? (
        <SM data-testid="control-ai-staying">{t("control.aiStaying")}</SM>
      ) : null}
      {waited !== null && waited >= WAITING_REMINDER_MINUTES ? (
        <Alert type="warning" role="status" data-testid="control-customer-waiting">
          {t("control.customerWaiting", { count: waited })}
        </Alert>
      ) : null}
      {props.role === "supervisor" && !mine ? (
        <SM data-testid="control-watching">{t("control.watching")}</SM>
      ) : null}
      {mine && control.owner === "human" && props.chatPage ? (
        <ChatReply pending={props.pending} onWrite={props.onWrite} />
      ) : null}
      {canTakeOver ? (
        <div>
          <Button
            size="small"
            data-testid="control-take-over"
            disabled={props.pending !== null}
            aria-busy={props.pending === "take_over" || undefined}
            onClick={() => void props.onAct("take_over")}
          >
            {t("control.takeOverFrom", { name: holder.name })}
          </Button>
        </div>
      ) : null}
    </Section>
  );
}
