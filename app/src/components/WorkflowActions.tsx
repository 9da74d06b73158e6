import { useEffect, useRef, useState } from "react";
import styled from "styled-components";
import { Button } from "@zendeskgarden/react-buttons";
import { Field, Input, Textarea } from "@zendeskgarden/react-forms";
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

/**
 * Denying is final for the customer, so it takes a reason: the Deny button opens a short form,
 * and only a non-blank reason confirms it. Cancel puts the agent back on the Deny button.
 */
function DenyForm(props: {
  pending: string | null;
  onConfirm: (reason: string) => Promise<boolean>;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const [reason, setReason] = useState("");
  const field = useRef<HTMLTextAreaElement>(null);
  useEffect(() => field.current?.focus(), []);
  const trimmed = reason.trim();
  return (
    <Stack data-testid="deny-form">
      <Field>
        <Field.Label>{t("actions.denyReasonLabel")}</Field.Label>
        <Field.Hint>{t("actions.denyReasonHint")}</Field.Hint>
        <Textarea
          ref={field}
          isCompact
          isResizable
          minRows={2}
          maxLength={500}
          value={reason}
          data-testid="deny-reason"
          onChange={(event) => setReason(event.target.value)}
        />
      </Field>
      <Buttons>
        <Button
          size="small"
          isDanger
          isPrimary
          data-testid="deny-confirm"
          disabled={trimmed === "" || props.pending !== null}
          aria-busy={props.pending === "deny" || undefined}
          onClick={() => void props.onConfirm(trimmed)}
        >
          {t("actions.denyConfirm")}
        </Button>
        <Button
          size="small"
          isBasic
          data-testid="deny-cancel"
          disabled={props.pending !== null}
          onClick={props.onCancel}
        >
          {t("common.cancel")}
        </Button>
      </Buttons>
    </Stack>
  );
}

/** The actions the workflow and the customer's identity permit now; the rest say why not. */
export function WorkflowActions(props: {
  context: ThreadContext;
  pending: string | null;
  onAct: (action: ThreadAction, details?: ActionDetails) => Promise<boolean>;
}) {
  const { t } = useI18n();
  const [reason, setReason] = useState("");
  const [denying, setDenying] = useState(false);
  const denyButton = useRef<HTMLButtonElement>(null);
  const refusal = useRefusal(props.context);
  const options = optionsFor(props.context);
  const approves = options.some((o) => o.action === "approve");
  const run = async (action: ThreadAction) => {
    const trimmed = reason.trim();
    const done = await props.onAct(action, trimmed ? { reason: trimmed } : {});
    if (done) setReason("");
  };
  const deny = async (denial: string) => {
    const done = await props.onAct("deny", { reason: denial });
    if (done) setDenying(false);
    return done;
  };
  const cancelDeny = () => {
    setDenying(false);
    // The form unmounts first; the Deny button is back on the next frame.
    setTimeout(() => denyButton.current?.focus(), 0);
  };
  return (
    <Stack data-testid="workflow-actions">
      {approves ? (
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
            ref={option.action === "deny" ? denyButton : undefined}
            size="small"
            isPrimary={option.action === "continue" || option.action === "approve"}
            isDanger={option.action === "deny"}
            data-testid={`action-${option.action}`}
            reason={refusal(option)}
            disabled={props.pending !== null}
            busy={props.pending === option.action}
            aria-expanded={option.action === "deny" ? denying : undefined}
            onClick={() => (option.action === "deny" ? setDenying(true) : void run(option.action))}
          >
            {t(`actions.${option.action}`)}
          </ReasonedButton>
        ))}
      </Buttons>
      {denying && options.some((o) => o.action === "deny" && o.permitted) ? (
        <DenyForm pending={props.pending} onConfirm={deny} onCancel={cancelDeny} />
      ) : null}
    </Stack>
  );
}
