import styled from "styled-components";
import { Alert } from "@zendeskgarden/react-notifications";
import { Tag } from "@zendeskgarden/react-tags";
import { Code, Paragraph, SM, Span } from "@zendeskgarden/react-typography";
import type { ActionDetails, IdentityLevel, ThreadAction, ThreadContext } from "../api/types";
import { useI18n } from "../hooks/useI18n";
import { IdentityConflict } from "./IdentityConflict";
import { RecordVerification } from "./RecordVerification";
import { Row, Rows, Section } from "./Section";
import { VerificationStatus } from "./VerificationStatus";

/** Colour follows the level, but the level word is always written out too. */
export const LEVEL_HUE: Record<IdentityLevel, string> = {
  unknown: "grey",
  low: "yellow",
  medium: "blue",
  high: "green",
};

const Badge = styled(Row)`
  gap: ${({ theme }) => theme.space.xs};
`;

/** Who the customer is, how sure we are, and how the agent can make us surer. */
export function IdentityCard(props: {
  context: ThreadContext;
  pending: string | null;
  onAct: (action: ThreadAction, details?: ActionDetails) => Promise<boolean>;
}) {
  const { t } = useI18n();
  const { identity } = props.context;
  return (
    <Section title={t("identity.heading")}>
      <Badge>
        <Span>{t("identity.levelLabel")}</Span>
        <Tag
          hue={LEVEL_HUE[identity.level]}
          data-testid="identity-level"
          data-level={identity.level}
        >
          {t(`identity.level.${identity.level}`)}
        </Tag>
      </Badge>
      <Paragraph>{t(`identity.explain.${identity.level}`)}</Paragraph>
      {identity.unconfirmed ? (
        <Alert type="warning" role="note" data-testid="identity-unconfirmed">
          <Alert.Title>{t("identity.unconfirmed.title")}</Alert.Title>
          <Alert.Paragraph>{t(`identity.unconfirmed.${identity.unconfirmed}`)}</Alert.Paragraph>
        </Alert>
      ) : null}
      <Paragraph>
        {identity.customerId ? (
          <>
            {t("identity.customer")} <Code>{identity.customerId}</Code>
          </>
        ) : (
          t("identity.noCustomer")
        )}
      </Paragraph>
      {identity.identifiers.length > 0 ? (
        <>
          <SM isBold tag="h3">
            {t("identity.identifiers")}
          </SM>
          <Rows>
            {identity.identifiers.map((identifier) => (
              <Row as="li" key={`${identifier.kind}:${identifier.masked}`}>
                <Span>{t(`identity.kind.${identifier.kind}`)}</Span>
                <Code data-testid="identifier">{identifier.masked}</Code>
                <SM>{identifier.matched ? t("identity.matched") : t("identity.unmatched")}</SM>
              </Row>
            ))}
          </Rows>
        </>
      ) : (
        <SM>{t("identity.noIdentifiers")}</SM>
      )}
      <VerificationStatus context={props.context} />
      <IdentityConflict {...props} />
      <RecordVerification {...props} />
    </Section>
  );
}
