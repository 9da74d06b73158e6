import { useEffect, useRef, useState } from "react";
import styled from "styled-components";
import { Button } from "@zendeskgarden/react-buttons";
import { Field, Input, Textarea } from "@zendeskgarden/react-forms";
import type {
  ActionDetails,
  ThreadAction,
  ThreadContext,
  TransferMode,
  WorkflowActionOption,
} from "../api/types";
import { Paragraph } from "@zendeskgarden/react-typography";
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

/** The step's own action comes first: it is the one the thread waits for. */
const ORDER: WorkflowActionOption["action"][] = [
  "approve",
  "continue",
  "deny",
  "request_verification",
  "take_over",
  "hand_back",
];

/** Marking a step done or sending a code cannot be taken back: they say what they do first. */
type Confirmable = "continue" | "request_verification";

/**
 * A button's words say its effect: "Mark shipped", "Approve the replacement", not "Continue".
 * Steps without their own words are marked done by name.
 */
function useActionLabel(context: ThreadContext) {
  const { t, tOr } = useI18n();
  const workflow = context.workflow;
  const step = workflow?.steps.find((s) => s.id === workflow.currentStep);
  return (action: WorkflowActionOption["action"]): string => {
    if (!workflow || !step || (action !== "approve" && action !== "continue"))
      return t(`actions.${action}`);
    const title = tOr(`workflowStep.${workflow.id}.${step.id}`, step.title);
    return tOr(
      `actions.effect.${workflow.id}.${step.id}`,
      action === "approve"
        ? t("actions.approveStep", { step: title })
        : t("actions.markDone", { step: title }),
    );
  };
}

/** Where a one-time code goes: the customer's conversation, or a public reply on this ticket. */
function useCodeDestination(context: ThreadContext) {
  const { t } = useI18n();
  const session = context.sessions.find((s) => s.current);
  if (session) return t("actions.codeToConversation", { channel: t(`channel.${session.channel}`) });
  const ticket = context.tickets.find((s) => s.current);
  const address = context.identity.identifiers.find(
    (i) =>
      i.kind ===
      (context.identity.channel === "voice" || context.identity.channel === "sms"
        ? "phone"
        : "email"),
  );
  return t("actions.codeToTicket", {
    id: ticket?.id ?? "",
    channel: t(`channel.${ticket?.channel ?? context.identity.channel}`),
    address: address?.masked ?? t("actions.codeAddressUnknown"),
  });
}

/** One consequential action, spelled out, to confirm or cancel. */
function ConfirmStrip(props: {
  action: Confirmable;
  text: string;
  confirmLabel: string;
  pending: string | null;
  onConfirm: () => Promise<boolean>;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const confirm = useRef<HTMLButtonElement>(null);
  useEffect(() => confirm.current?.focus(), []);
  return (
    <Stack data-testid={`confirm-${props.action}`} role="group" aria-label={props.confirmLabel}>
      <Paragraph>{props.text}</Paragraph>
      <Buttons>
        <Button
          ref={confirm}
          size="small"
          isPrimary
          data-testid={`confirm-${props.action}-yes`}
          disabled={props.pending !== null}
          aria-busy={props.pending === props.action || undefined}
          onClick={() => void props.onConfirm()}
        >
          {props.confirmLabel}
        </Button>
        <Button size="small" isBasic disabled={props.pending !== null} onClick={props.onCancel}>
          {t("common.cancel")}
        </Button>
      </Buttons>
    </Stack>
  );
}

/**
 * Warm or cold, chosen when taking over, not before: the first screen stays the decision's.
 * Warm comes first and has the focus, so Enter takes over warm: the customer is told someone is
 * joining instead of waiting in silence (docs/decisions.md).
 */
function TransferChoice(props: {
  pending: string | null;
  onChoose: (mode: TransferMode) => Promise<boolean>;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const warm = useRef<HTMLButtonElement>(null);
  useEffect(() => warm.current?.focus(), []);
  return (
    <Stack data-testid="transfer-mode" role="group" aria-label={t("actions.transfer.legend")}>
      <Paragraph>{t("actions.transfer.legend")}</Paragraph>
      {(["warm", "cold"] as const).map((mode) => (
        <div key={mode}>
          <Button
            ref={mode === "warm" ? warm : undefined}
            size="small"
            isPrimary={mode === "warm"}
            data-testid={`transfer-${mode}`}
            disabled={props.pending !== null}
            aria-busy={props.pending === "take_over" || undefined}
            onClick={() => void props.onChoose(mode)}
          >
            {t(`actions.transfer.${mode}`)}
          </Button>
        </div>
      ))}
      <div>
        <Button size="small" isBasic disabled={props.pending !== null} onClick={props.onCancel}>
          {t("common.cancel")}
        </Button>
      </div>
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
  const [confirming, setConfirming] = useState<Confirmable | null>(null);
  const [choosing, setChoosing] = useState(false);
  // The reason is optional: a link keeps the first screen for the decision itself.
  const [explaining, setExplaining] = useState(false);
  const denyButton = useRef<HTMLButtonElement | null>(null);
  const buttons = useRef(new Map<WorkflowActionOption["action"], HTMLButtonElement | null>());
  const refusal = useRefusal(props.context);
  const label = useActionLabel(props.context);
  const destination = useCodeDestination(props.context);
  const options = [...optionsFor(props.context)].sort(
    (a, b) => ORDER.indexOf(a.action) - ORDER.indexOf(b.action),
  );
  // A reason goes with a decision the agent can take; a refused approval has none to explain.
  const approves = options.some((o) => o.action === "approve" && o.permitted);
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
  const confirmed = async () => {
    if (!confirming) return false;
    const action = confirming;
    const done = await props.onAct(action, {});
    if (done) setConfirming(null);
    return done;
  };
  const cancelConfirm = () => {
    const action = confirming;
    setConfirming(null);
    setTimeout(() => (action ? buttons.current.get(action)?.focus() : undefined), 0);
  };
  const takeOver = async (mode: TransferMode) => {
    const done = await props.onAct("take_over", { mode });
    if (done) setChoosing(false);
    return done;
  };
  const cancelTakeOver = () => {
    setChoosing(false);
    setTimeout(() => buttons.current.get("take_over")?.focus(), 0);
  };
  const click = (action: WorkflowActionOption["action"]) => {
    if (action === "take_over") setChoosing(true);
    else if (action === "deny") setDenying(true);
    else if (action === "continue" || action === "request_verification") setConfirming(action);
    else void run(action);
  };
  return (
    <Stack data-testid="workflow-actions">
      {approves && !explaining ? (
        <div>
          <Button
            size="small"
            isLink
            data-testid="action-reason-add"
            onClick={() => setExplaining(true)}
          >
            {t("actions.reasonAdd")}
          </Button>
        </div>
      ) : null}
      {approves && explaining ? (
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
            ref={(element: HTMLButtonElement | null) => {
              buttons.current.set(option.action, element);
              if (option.action === "deny") denyButton.current = element;
            }}
            size="small"
            isPrimary={option.action === "continue" || option.action === "approve"}
            isDanger={option.action === "deny"}
            data-testid={`action-${option.action}`}
            reason={refusal(option)}
            disabled={props.pending !== null}
            busy={props.pending === option.action}
            aria-expanded={
              option.action === "take_over"
                ? choosing
                : option.action === "deny"
                  ? denying
                  : option.action === "continue" || option.action === "request_verification"
                    ? confirming === option.action
                    : undefined
            }
            onClick={() => click(option.action)}
          >
            {label(option.action)}
          </ReasonedButton>
        ))}
      </Buttons>
      {confirming && options.some((o) => o.action === confirming && o.permitted) ? (
        <ConfirmStrip
          action={confirming}
          text={
            confirming === "continue"
              ? t("actions.confirmDone", { action: label("continue") })
              : t("actions.confirmCode", { destination })
          }
          confirmLabel={
            confirming === "continue" ? label("continue") : t("actions.confirmCodeButton")
          }
          pending={props.pending}
          onConfirm={confirmed}
          onCancel={cancelConfirm}
        />
      ) : null}
      {choosing && options.some((o) => o.action === "take_over" && o.permitted) ? (
        <TransferChoice pending={props.pending} onChoose={takeOver} onCancel={cancelTakeOver} />
      ) : null}
      {denying && options.some((o) => o.action === "deny" && o.permitted) ? (
        <DenyForm pending={props.pending} onConfirm={deny} onCancel={cancelDeny} />
      ) : null}
    </Stack>
  );
}
