import { useState } from "react";
import styled from "styled-components";
import { Field, Input } from "@zendeskgarden/react-forms";
import type {
  ActionDetails,
  ThreadAction,
  ThreadContext,
  WorkflowActionOption,
} from "../api/types";
import { useI18n } from "../hooks/useI18n";
import { ReasonedButton } from "./ReasonedButton";

const Buttons = styled.div`
  display: flex;
  flex-wrap: wrap;
  align-items: start;
  gap: ${({ theme }) => theme.space.xs};
`;

const Stack = styled.div`
  display: grid;
  gap: ${({ theme }) => theme.space.xs};
`;

/**
 * Without a workflow the worker lists no actions, but control can still change hands.
 */
function optionsFor(context: ThreadContext): WorkflowActionOption[] {
  if (context.workflow) return context.workflow.actions;
  return [{ action: context.control === "ai" ? "take_over" : "hand_back", permitted: true }];
}

/** Why an action is not allowed, in the agent's language where the Worker says which rule. */
function useRefusal(context: ThreadContext) {
  const { t } = useI18n();
  return (option: WorkflowActionOption): string | null => {
    if (option.permitted) return null;
    if (option.reasonCode === "identity_level" && option.needs) {
      return t("actions.needsLevel", {
        needed: t(`identity.level.${option.needs}`),
        level: t(`identity.level.${context.identity.level}`),
      });
    }
    if (option.reasonCode === "already_verified") return t("actions.alreadyVerified");
    return option.reason ?? t("actions.notPermitted");
  };
}

/** The actions the workflow and the customer's identity permit now; the rest say why not. */
export function WorkflowActions(props: {
  context: ThreadContext;
  pending: string | null;
  onAct: (action: ThreadAction, details?: ActionDetails) => Promise<boolean>;
}) {
  const { t } = useI18n();
  const [reason, setReason] = useState("");
  const refusal = useRefusal(props.context);
  const options = optionsFor(props.context);
  const decides = options.some((o) => o.action === "approve" || o.action === "deny");
  const run = async (action: ThreadAction) => {
    const trimmed = reason.trim();
    const done = await props.onAct(action, trimmed ? { reason: trimmed } : {});
    if (done) setReason("");
  };
  return (
    <Stack data-testid="workflow-actions">
      {decides ? (
        <Field>
          <Field.Label>{t("actions.reasonLabel")}</Field.Label>
          <Field.Hint>{t("actions.reasonHint")}</Field.Hint>
          <Input
            isCompact
            maxLength={500}
            value={reason}
            data-testid="action-reason"
            onChange={(event) => setReason(event.target.value)}
          />
        </Field>
      ) : null}
      <Buttons>
        {options.map((option) => (
          <ReasonedButton
            key={option.action}
            size="small"
            isPrimary={option.action === "continue" || option.action === "approve"}
            isDanger={option.action === "deny"}
            data-testid={`action-${option.action}`}
            reason={refusal(option)}
            disabled={props.pending !== null}
            busy={props.pending === option.action}
            onClick={() => void run(option.action)}
          >
            {t(`actions.${option.action}`)}
          </ReasonedButton>
        ))}
      </Buttons>
    </Stack>
  );
}
