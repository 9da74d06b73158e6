import { Stepper } from "@zendeskgarden/react-accordions";
import { Tag } from "@zendeskgarden/react-tags";
import { Paragraph, SM, Span } from "@zendeskgarden/react-typography";
import type { ThreadContext, Workflow, WorkflowStep } from "../api/types";
import { useI18n } from "../hooks/useI18n";
import { Row } from "./Section";
import { standingOf, type Standing } from "./standing";

const STEP_HUE: Record<WorkflowStep["status"], string> = {
  done: "green",
  current: "blue",
  pending: "grey",
  denied: "red",
};

/** The tag says whom the thread waits on, from the same reading as the header and next step. */
export function standingTag(standing: Standing): {
  key: `workflow.status.${Workflow["status"]}`;
  hue: string;
} {
  if (standing.on === "nobody")
    return {
      key: `workflow.status.${standing.outcome}`,
      hue: standing.outcome === "done" ? "green" : "red",
    };
  if (standing.on === "person") return { key: "workflow.status.waiting_on_human", hue: "kale" };
  if (standing.on === "customer")
    return { key: "workflow.status.waiting_on_customer", hue: "yellow" };
  return { key: "workflow.status.waiting_on_agent", hue: "blue" };
}

/** "Step 3 of 5" and every step with its state: where the thread stands, whoever moved it. */
export function WorkflowStepper({
  context,
  workflow,
}: {
  context: ThreadContext;
  workflow: Workflow;
}) {
  const { t, tOr } = useI18n();
  const tag = standingTag(standingOf(context));
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
        <Tag hue={tag.hue} data-testid="workflow-status">
          {t(tag.key)}
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
    </>
  );
}
