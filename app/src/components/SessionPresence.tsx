import { Tag } from "@zendeskgarden/react-tags";
import { SM, Span } from "@zendeskgarden/react-typography";
import type { PresentParticipant } from "../api/types";
import { useI18n } from "../hooks/useI18n";
import { Row, Rows, Section } from "./Section";

/** The label the sidebar attaches with; other clients name their channel and device themselves. */
const SIDEBAR_LABEL = "sidebar";

/**
 * Who is in the thread's live session right now: the AI agent while it is there, the customer on
 * their channel and device, the agents, a supervisor watching. Shown only while the sidebar is attached, so it is never stale.
 */
export function SessionPresence({
  participants,
  you,
}: {
  participants: PresentParticipant[];
  you: string | null;
}) {
  const { t } = useI18n();
  if (participants.length === 0) return null;
  return (
    <Section title={t("presence.heading")} testId="presence">
      <Rows aria-label={t("presence.heading")}>
        {participants.map((p) => (
          <Row
            as="li"
            key={`${p.role}:${p.participantId}:${p.since}`}
            data-testid="participant"
            data-role={p.role}
          >
            {p.role === "ai" ? (
              // The AI agent is in the session while it has, or is handing over, the conversation.
              <Span isBold>{t("presence.role.ai")}</Span>
            ) : (
              <>
                <Span isBold>{p.participantId}</Span>
                <Tag size="small" hue={p.role === "customer" ? "blue" : undefined}>
                  {t(`presence.role.${p.role}`)}
                </Tag>
                {p.participantId === you && p.role !== "customer" ? (
                  <Tag size="small">{t("presence.you")}</Tag>
                ) : null}
                <SM>{p.label === SIDEBAR_LABEL ? t("presence.sidebar") : p.label}</SM>
              </>
            )}
          </Row>
        ))}
      </Rows>
    </Section>
  );
}
