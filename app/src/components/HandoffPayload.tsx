import { Fragment, useState, type ReactNode } from "react";
import styled from "styled-components";
import { Anchor, Button } from "@zendeskgarden/react-buttons";
import { getColor } from "@zendeskgarden/react-theming";
import { SM } from "@zendeskgarden/react-typography";
import type { ThreadContext } from "../api/types";
import { useI18n } from "../hooks/useI18n";
import { copyText } from "./copyText";
import { Row, Section } from "./Section";
import { firstSentences } from "./standing";

const Facts = styled.dl`
  display: grid;
  grid-template-columns: minmax(0, 2fr) minmax(0, 3fr);
  gap: ${({ theme }) => `${theme.space.xxs} ${theme.space.xs}`};
  margin: 0;
  font-size: ${({ theme }) => theme.fontSizes.sm};
  line-height: ${({ theme }) => theme.lineHeights.sm};

  dt {
    color: ${({ theme }) => getColor({ theme, variable: "foreground.subtle" })};
  }

  dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
`;

const Json = styled.pre`
  max-height: 320px;
  margin: 0;
  padding: ${({ theme }) => theme.space.xs};
  overflow: auto;
  border-radius: ${({ theme }) => theme.borderRadii.md};
  background: ${({ theme }) => getColor({ theme, variable: "background.recessed" })};
  font-family: ${({ theme }) => theme.fonts.mono};
  font-size: ${({ theme }) => theme.fontSizes.sm};
  white-space: pre-wrap;
  overflow-wrap: anywhere;
`;

/**
 * The structured handoff payload a person (or the next AI) continues from: Copy gives a short
 * readable handoff; the JSON is behind "Show JSON", with its own copy button.
 */
export function HandoffPayload({ context }: { context: ThreadContext }) {
  const { t, list, relative, language } = useI18n();
  const [copied, setCopied] = useState<boolean | null>(null);
  const [raw, setRaw] = useState(false);
  const payload = context.handoff;
  const none = t("common.none");
  const missing = list(payload.current.missing.map((slot) => t(`slot.${slot}`)));
  const customer = `${payload.customer.customerId ?? t("identity.noCustomer")} · ${t(
    `identity.level.${payload.customer.level}`,
  )}`;
  const risks = list(payload.riskFlags.map((r) => r.reason));
  const facts: [string, ReactNode][] = [
    [t("handoff.statement"), payload.statement || none],
    [t("handoff.nextBestAction"), payload.current.nextBestAction || none],
    [t("handoff.category"), payload.category ? t(`workflowName.${payload.category}`) : none],
    [t("handoff.currentStep"), payload.current.stepTitle ?? none],
    [t("handoff.missing"), missing || none],
    [t("handoff.customer"), customer],
    [
      t("handoff.preferences"),
      [
        language(payload.preferences.language),
        payload.preferences.channel ? t(`channel.${payload.preferences.channel}`) : null,
      ]
        .filter(Boolean)
        .join(" · ") || none,
    ],
    [t("handoff.sentiment"), t(`handoff.sentiments.${payload.sentiment}`)],
    [
      t("handoff.consent"),
      t("handoff.consentValue", {
        recording: t(`handoff.consentState.${payload.consent.recording}`),
        dataUse: t(`handoff.consentState.${payload.consent.dataUse}`),
      }),
    ],
    [t("handoff.risks"), risks || none],
    [
      t("handoff.handedOver"),
      payload.handoff ? `${payload.handoff.reason} (${relative(payload.handoff.at)})` : none,
    ],
    [
      t("handoff.artifacts"),
      payload.artifacts.length > 0 ? (
        <Row>
          {payload.artifacts.map((artifact) => (
            <Anchor
              key={artifact.url}
              href={artifact.url}
              isExternal
              externalIconLabel={t("common.opensInNewTab")}
            >
              {artifact.kind}
            </Anchor>
          ))}
        </Row>
      ) : (
        none
      ),
    ],
  ];
  const json = JSON.stringify(payload, null, 2);
  // What a person pastes into a chat or an escalation: a few readable lines, not the payload.
  const brief = [
    `${t("handoff.nextBestAction")}: ${payload.current.nextBestAction || none}`,
    `${t("handoff.customer")}: ${customer}`,
    `${t("handoff.statement")}: ${firstSentences(payload.summary.text || payload.statement).shown || none}`,
    ...(missing ? [`${t("handoff.missing")}: ${missing}`] : []),
    ...(risks ? [`${t("handoff.risks")}: ${risks}`] : []),
    `${t("header.thread")}: ${payload.thread.id}`,
  ].join("\n");
  const copy = async (text: string) => setCopied(await copyText(text));
  return (
    <Section
      title={t("handoff.heading")}
      testId="handoff"
      aside={
        <Button size="small" data-testid="handoff-copy" onClick={() => void copy(brief)}>
          {t("handoff.copy")}
        </Button>
      }
    >
      <SM role="status" data-testid="handoff-copied">
        {copied === null ? "" : copied ? t("handoff.copied") : t("handoff.copyFailed")}
      </SM>
      <Facts>
        {facts.map(([label, value]) => (
          <Fragment key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </Fragment>
        ))}
      </Facts>
      <div>
        <Button size="small" isLink aria-expanded={raw} onClick={() => setRaw((shown) => !shown)}>
          {raw ? t("handoff.hideJson") : t("handoff.showJson")}
        </Button>
      </div>
      {raw ? (
        <>
          <div>
            <Button size="small" data-testid="handoff-copy-json" onClick={() => void copy(json)}>
              {t("handoff.copyJson")}
            </Button>
          </div>
          <Json data-testid="handoff-json">{json}</Json>
        </>
      ) : null}
    </Section>
  );
}
