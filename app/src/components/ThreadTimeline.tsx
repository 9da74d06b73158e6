import { useState } from "react";
import { Timeline } from "@zendeskgarden/react-accordions";
import { Anchor, Button } from "@zendeskgarden/react-buttons";
import { Tag } from "@zendeskgarden/react-tags";
import { SM, Span } from "@zendeskgarden/react-typography";
import type { ThreadContext, TimelineEntry } from "../api/types";
import { useI18n } from "../hooks/useI18n";
import { Row, Section } from "./Section";

/** What a human agent must not miss: where the customer moved, what was promised or sent. */
const HIGHLIGHT: Partial<Record<TimelineEntry["kind"], string>> = {
  channel_switch: "blue",
  artifact: "kale",
  agent: "yellow",
  risk: "red",
  verification: "green",
};

const RECENT = 8;

/** One timeline across channels and tickets, newest last, the recent part first. */
export function ThreadTimeline({ context }: { context: ThreadContext }) {
  const { t, relative, dateTime } = useI18n();
  const [all, setAll] = useState(false);
  const entries = context.timeline;
  const shown = all ? entries : entries.slice(-RECENT);
  const hidden = entries.length - shown.length;
  return (
    <Section title={t("timeline.heading")} testId="timeline">
      {entries.length === 0 ? <SM>{t("timeline.empty")}</SM> : null}
      {hidden > 0 ? (
        <div>
          <Button size="small" isBasic onClick={() => setAll(true)} data-testid="timeline-all">
            {t("timeline.showEarlier", { count: hidden })}
          </Button>
        </div>
      ) : null}
      {shown.length > 0 ? (
        <Timeline aria-label={t("timeline.heading")}>
          {shown.map((entry) => {
            const hue = HIGHLIGHT[entry.kind];
            return (
              <Timeline.Item
                key={entry.key}
                data-testid="timeline-entry"
                data-kind={entry.kind}
                data-unconfirmed={entry.unconfirmed || undefined}
              >
                <Timeline.Content>
                  <Row>
                    {hue ? (
                      <Tag size="small" hue={hue}>
                        {t(`timeline.kind.${entry.kind}`)}
                      </Tag>
                    ) : null}
                    {entry.unconfirmed ? (
                      <Tag size="small" hue="orange" data-testid="timeline-unconfirmed">
                        {t("timeline.unconfirmed")}
                      </Tag>
                    ) : null}
                    {entry.channel ? <SM>{t(`channel.${entry.channel}`)}</SM> : null}
                    <SM>
                      <time dateTime={entry.at} title={dateTime(entry.at)}>
                        {relative(entry.at)}
                      </time>
                    </SM>
                  </Row>
                  <Span isBold={Boolean(hue)}>{entry.text}</Span>
                  {entry.cites ? (
                    <SM data-testid="timeline-cites">
                      {t("timeline.cites")}:{" "}
                      <Anchor
                        href={entry.cites.url}
                        isExternal
                        externalIconLabel={t("common.opensInNewTab")}
                      >
                        {entry.cites.title}
                      </Anchor>
                    </SM>
                  ) : null}
                </Timeline.Content>
              </Timeline.Item>
            );
          })}
        </Timeline>
      ) : null}
    </Section>
  );
}
