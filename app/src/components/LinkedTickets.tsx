import { Button } from "@zendeskgarden/react-buttons";
import { Tag } from "@zendeskgarden/react-tags";
import { Code, SM, Span } from "@zendeskgarden/react-typography";
import type { ThreadContext } from "../api/types";
import { useClient } from "../hooks/useClient";
import { useI18n } from "../hooks/useI18n";
import { Row, Rows, Section } from "./Section";

/** Every ticket and session on the thread, and the channels the customer has used. */
export function LinkedTickets({ context }: { context: ThreadContext }) {
  const { t, list } = useI18n();
  const client = useClient();
  const { tickets, sessions, channels } = context;
  return (
    <Section title={t("linked.heading")}>
      {tickets.length > 0 ? (
        <Rows aria-label={t("linked.tickets")}>
          {tickets.map((ticket) => (
            <Row
              as="li"
              key={ticket.id}
              data-testid="linked-ticket"
              data-ticket-id={ticket.id}
              data-current={ticket.current || undefined}
              aria-current={ticket.current ? "page" : undefined}
            >
              {ticket.current ? (
                <>
                  <Span isBold>{t("linked.ticket", { id: ticket.id })}</Span>
                  <Tag size="small" hue="blue">
                    {t("linked.current")}
                  </Tag>
                </>
              ) : (
                <Button
                  isLink
                  aria-label={t("linked.open", { id: ticket.id })}
                  onClick={() => void client.invoke("routeTo", "ticket", ticket.id)}
                >
                  {t("linked.ticket", { id: ticket.id })}
                </Button>
              )}
              <SM>{t(`channel.${ticket.channel}`)}</SM>
              {ticket.status ? <Tag size="small">{t(`ticketStatus.${ticket.status}`)}</Tag> : null}
              {ticket.satisfaction ? (
                <Tag
                  size="small"
                  hue={ticket.satisfaction === "good" ? "green" : "red"}
                  data-testid="ticket-satisfaction"
                >
                  {t(`linked.satisfaction.${ticket.satisfaction}`)}
                </Tag>
              ) : null}
            </Row>
          ))}
        </Rows>
      ) : (
        <SM>{t("linked.noTickets")}</SM>
      )}
      {sessions.length > 0 ? (
        <>
          <SM isBold tag="h3">
            {t("linked.sessions")}
          </SM>
          <Rows>
            {sessions.map((session) => (
              <Row as="li" key={session.id} data-testid="linked-session">
                <Code>{session.id}</Code>
                <SM>{t(`channel.${session.channel}`)}</SM>
                {session.current ? (
                  <Tag size="small" hue="blue">
                    {t("linked.current")}
                  </Tag>
                ) : null}
              </Row>
            ))}
          </Rows>
        </>
      ) : null}
      {channels.length > 0 ? (
        <SM data-testid="channels">
          {t("linked.channels", { channels: list(channels.map((c) => t(`channel.${c}`))) })}
        </SM>
      ) : null}
    </Section>
  );
}
