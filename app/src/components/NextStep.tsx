import styled from "styled-components";
import { Alert } from "@zendeskgarden/react-notifications";
import { MD, SM } from "@zendeskgarden/react-typography";
import type { ActionDetails, ThreadAction, ThreadContext } from "../api/types";
import { useI18n } from "../hooks/useI18n";
import { Rows, Section } from "./Section";
import { standingOf, type Standing } from "./standing";
import { WorkflowActions } from "./WorkflowActions";

const Missing = styled(Rows)`
  gap: ${({ theme }) => theme.space.xxs};
`;

/** Whom the thread waits on and for what, in the words the header and the stepper use too. */
export function useStandingText() {
  const { t, tOr } = useI18n();
  const step = (s: { workflow: string; id: string; title: string }) =>
    tOr(`workflowStep.${s.workflow}.${s.id}`, s.title);
  return (standing: Standing): string => {
    switch (standing.on) {
      case "person":
        return t(standing.approval ? "next.on.approval" : "next.on.person", {
          step: step(standing.step),
        });
      case "customer":
        if (standing.code) return t("next.on.code");
        return standing.missing.length > 0
          ? t("next.on.customerMissing")
          : t("next.on.customer", { what: step(standing.step) });
      case "ai":
        return t("next.on.ai", { step: step(standing.step) });
      case "nobody":
        return t(`next.on.${standing.outcome}`);
      case "conversation":
        return t(`next.on.conversation.${standing.control}`);
    }
  };
}

/**
 * The first thing an agent reads: whom the thread waits on, what the contact in front of us
 * lacks, and the controls to move it, the step's own action first.
 */
export function NextStep(props: {
  context: ThreadContext;
  pending: string | null;
  onAct: (action: ThreadAction, details?: ActionDetails) => Promise<boolean>;
}) {
  const { t } = useI18n();
  const text = useStandingText();
  const standing = standingOf(props.context);
  const needs = props.context.workflow?.contactNeeds ?? null;
  const missing = props.context.workflow?.missing ?? [];
  return (
    <Section title={t("next.heading")} testId="next-step" quietTitle>
      <MD tag="p" isBold data-testid="standing" data-on={standing.on}>
        {text(standing)}
      </MD>
      {needs ? (
        <SM data-testid="contact-needs" data-needs={needs}>
          {t("next.contactNeeds", {
            needed: t(`identity.level.${needs}`),
            level: t(`identity.level.${props.context.identity.level}`),
          })}
        </SM>
      ) : null}
      {missing.length > 0 ? (
        <Alert type="warning" role="note" data-testid="missing-slots">
          <Alert.Title>{t("workflow.missingTitle")}</Alert.Title>
          <Missing>
            {missing.map((slot) => (
              <li key={slot} data-testid="missing-slot" data-slot={slot}>
                {t(`slot.${slot}`)}
              </li>
            ))}
          </Missing>
        </Alert>
      ) : null}
      <WorkflowActions context={props.context} pending={props.pending} onAct={props.onAct} />
    </Section>
  );
}
