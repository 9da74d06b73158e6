import { Button } from "@zendeskgarden/react-buttons";
import { Tag } from "@zendeskgarden/react-tags";
import { SM, Span } from "@zendeskgarden/react-typography";
import type { Note, ThreadContext } from "../api/types";
import { useI18n } from "../hooks/useI18n";
import { Row, Rows, Section } from "./Section";

const STATUS_HUE: Record<Note["status"], string> = {
  pending: "yellow",
  sent: "green",
  superseded: "grey",
  failed: "red",
};

/** The handoff notes posted to Zendesk tickets, and a way to send a failed one again. */
export function NoteStatus(props: {
  context: ThreadContext;
  pending: string | null;
  onRetry: (noteId: string) => Promise<boolean>;
}) {
  const { t, relative, dateTime } = useI18n();
  const notes = props.context.notes;
  return (
    <Section title={t("notes.heading")}>
      {notes.length === 0 ? <SM>{t("notes.none")}</SM> : null}
      <Rows>
        {notes.map((note) => {
          const at = note.sentAt ?? note.createdAt;
          return (
            <li key={note.id} data-testid="note-status" data-status={note.status}>
              <Row>
                <Span>{t("linked.ticket", { id: note.ticketId })}</Span>
                <Tag size="small" hue={STATUS_HUE[note.status]}>
                  {t(`notes.status.${note.status}`)}
                </Tag>
                <SM>
                  <time dateTime={at} title={dateTime(at)}>
                    {relative(at)}
                  </time>
                </SM>
              </Row>
              {note.status === "failed" ? (
                <Row>
                  <SM data-testid="note-error">
                    {t("notes.failedAfter", { count: note.attempts })}
                    {note.lastError ? ` ${note.lastError}` : ""}
                  </SM>
                  <Button
                    size="small"
                    data-testid="note-retry"
                    disabled={props.pending !== null}
                    aria-busy={props.pending === `note:${note.id}` || undefined}
                    aria-label={t("notes.retryLabel", { id: note.ticketId })}
                    onClick={() => void props.onRetry(note.id)}
                  >
                    {t("common.retry")}
                  </Button>
                </Row>
              ) : null}
            </li>
          );
        })}
      </Rows>
    </Section>
  );
}
