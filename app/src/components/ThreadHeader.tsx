import styled from "styled-components";
import { Tag } from "@zendeskgarden/react-tags";
import { Code, MD, SM } from "@zendeskgarden/react-typography";
import type { ThreadContext } from "../api/types";
import { useI18n } from "../hooks/useI18n";
import { Row } from "./Section";

const Header = styled.header`
  display: grid;
  gap: ${({ theme }) => theme.space.xxs};
  padding-bottom: ${({ theme }) => theme.space.xxs};
`;

/** Which thread this ticket is on, whether it is open, and who holds it: the AI or a person. */
export function ThreadHeader({ context }: { context: ThreadContext }) {
  const { t, relative, dateTime } = useI18n();
  const { thread, control } = context;
  return (
    <Header>
      <Row>
        <MD tag="h1" isBold>
          {t("header.thread")} <Code data-testid="thread-id">{thread.id}</Code>
        </MD>
        <Tag hue={thread.status === "open" ? "blue" : "grey"} data-testid="thread-status">
          {t(`header.status.${thread.status}`)}
        </Tag>
        <Tag
          hue={control === "human" ? "kale" : "grey"}
          data-testid="control"
          data-control={control}
        >
          {t(`header.control.${control}`)}
        </Tag>
      </Row>
      <SM>
        <time dateTime={thread.lastEventAt} title={dateTime(thread.lastEventAt)}>
          {t("header.lastActivity", { time: relative(thread.lastEventAt) })}
        </time>
      </SM>
    </Header>
  );
}
