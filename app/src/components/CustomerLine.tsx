import styled from "styled-components";
import { Tag } from "@zendeskgarden/react-tags";
import { Code, Span } from "@zendeskgarden/react-typography";
import type { ThreadContext } from "../api/types";
import { useI18n } from "../hooks/useI18n";
import { LEVEL_HUE } from "./IdentityCard";
import { Row } from "./Section";

const Line = styled(Row)`
  gap: ${({ theme }) => `${theme.space.xxs} ${theme.space.xs}`};
`;

/** The contact the agent would write to first: an email or a phone before an order number. */
function shownContact(context: ThreadContext): string | null {
  const { identifiers } = context.identity;
  const reachable = identifiers.find((i) => i.kind === "email" || i.kind === "phone");
  return (reachable ?? identifiers[0])?.masked ?? null;
}

/** Who this is, in one line: the requester's name, the customer id, a masked contact, the level. */
export function CustomerLine(props: { context: ThreadContext; name: string | null }) {
  const { t } = useI18n();
  const { identity } = props.context;
  const contact = shownContact(props.context);
  return (
    <Line data-testid="customer-line">
      <Span isBold data-testid="customer-name">
        {props.name ?? t("who.unnamed")}
      </Span>
      {identity.customerId ? <Code data-testid="customer-id">{identity.customerId}</Code> : null}
      {contact ? <Code>{contact}</Code> : null}
      <Tag hue={LEVEL_HUE[identity.level]} data-testid="customer-level" data-level={identity.level}>
        {t("who.level", { level: t(`identity.level.${identity.level}`) })}
      </Tag>
    </Line>
  );
}
