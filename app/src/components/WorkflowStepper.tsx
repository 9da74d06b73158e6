import styled from "styled-components";
import { Stepper } from "@zendeskgarden/react-accordions";
import { Alert } from "@zendeskgarden/react-notifications";
import { Tag } from "@zendeskgarden/react-tags";
import { Paragraph, SM, Span } from "@zendeskgarden/react-typography";
import type { Workflow, WorkflowStep } from "../api/types";
import { useI18n } from "../hooks/useI18n";
import { Row, Rows } from "./Section";

const STEP_HUE: Record<WorkflowStep["status"], string> = {
  done: "green",
  current: "blue",
  pending: "grey",
  denied: "red",
};

const STATUS_HUE: Record<Workflow["status"], string> = {
  waiting_on_customer: "yellow",
  waiting_on_agent: "blue",
  waiting_on_human: "kale",
  done: "green",
  denied: "red",
};

const Missing = styled(Rows)`
  gap: ${({ theme }) => theme.space.xxs};
`;

/** "Step 3 of 5", every step with its state, and what the current step still needs. */
export function WorkflowStepper({ workflow }: { workflow: Workflow }) {
  const { t, tOr } = useI18n();
  const currentIndex = workflow.steps.findIndex(
    (step) => step.status === "current" || step.status === "denied",
  );
  // Garden ticks every step before the active one; a finished workflow has none active.
  const activeIndex = currentIndex >= 0 ? currentIndex : workflow.steps.length;
  const shownNumber = Math.min(workflow.stepNumber, workflow.stepCount);
  return (
    <>
      <Row>
        <Span isBold>{t(`workflowName.${workflow.id}`)}</Span>
        <Tag hue={STATUS_HUE[workflow.status]} data-testid="workflow-status">
          {t(`workflow.status.${workflow.status}`)}
        </Tag>
      </Row>
      <Paragraph data-testid="workflow-step">
        {t("workflow.step", { number: shownNumber, count: workflow.stepCount })}
      </Paragraph>
      <Stepper activeIndex={activeIndex} aria-label={t("workflow.stepsLabel")}>
        {workflow.steps.map((step) => (
          <Stepper.Step
            key={step.id}
            data-testid="workflow-step-item"
            data-status={step.status}
            aria-current={step.status === "current" ? "step" : undefined}
          >
            <Stepper.Label>
              <Span data-testid="workflow-step-title">
                {tOr(`workflowStep.${workflow.id}.${step.id}`, step.title)}
              </Span>{" "}
              <Tag size="small" hue={STEP_HUE[step.status]}>
                {t(`workflow.stepStatus.${step.status}`)}
              </Tag>
              {step.outcome ? <SM>{step.outcome}</SM> : null}
            </Stepper.Label>
            {/* Garden shows a step's content only while it is the active one. */}
            <Stepper.Content>
              <SM>{t(`workflow.executor.${step.executor}`)}</SM>
            </Stepper.Content>
          </Stepper.Step>
        ))}
      </Stepper>
      {workflow.missing.length > 0 ? (
        <Alert type="warning" role="note" data-testid="missing-slots">
          <Alert.Title>{t("workflow.missingTitle")}</Alert.Title>
          <Missing>
            {workflow.missing.map((slot) => (
              <li key={slot} data-testid="missing-slot" data-slot={slot}>
                {t(`slot.${slot}`)}
              </li>
            ))}
          </Missing>
        </Alert>
      ) : null}
    </>
  );
}
