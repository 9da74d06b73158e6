import { orderIdKey } from "../identifiers";
import { findReferences } from "../language/references";
import { channelName, type ThreadState } from "../thread-state";
import type { WorkflowProgress } from "../thread-state/state";
import { isBefore } from "../time";
import {
  belowRefundThreshold,
  returnWindowBasis,
  returnWindowOf,
  warrantyNote,
  withinReturnWindow,
} from "./tenant-policy";
import { currentStep } from "../workflow-view";
import { WORKFLOWS, type StepDefinition } from "../workflows";
import { handOff } from "./hand-off";
import { SENSITIVE } from "./hard-stops";
import { mayDiscussOrder } from "./policy";
import * as say from "./replies";
import { addFact, type RunDraft, type RunMessage } from "./run-draft";
import { requestCode } from "./verification";

/** After a step: go on to the next one, or stop here (the reply has what to say). */
type StepOutcome = "next" | "stop";

type AutomatedStep = Extract<StepDefinition, { kind: "check" | "inform" }>;

/** Takes the workflow's steps in order until one needs the customer, a person, or is the last. */
export function followWorkflow(draft: RunDraft, workflow: WorkflowProgress): void {
  const progress: WorkflowProgress = { ...workflow, completed: { ...workflow.completed } };
  for (let guard = 0; guard < 12; guard++) {
    const step = currentStep(progress, draft.slots, draft.level);
    if (!step) {
      reportWorkflowDone(draft, progress);
      return;
    }
    if (takeStep(draft, progress, step) === "stop") return;
  }
}

function takeStep(draft: RunDraft, progress: WorkflowProgress, step: StepDefinition): StepOutcome {
  switch (step.kind) {
    case "collect":
      return askForMissingSlots(draft, progress, step);
    case "verify":
      return verifyIdentity(draft, progress, step);
    case "check":
    case "inform":
      return doAutomatedWork(draft, progress, step);
    case "approval":
    case "human":
      return waitForPerson(draft, progress, step);
  }
}

function reportWorkflowDone(draft: RunDraft, progress: WorkflowProgress): void {
  const { cards, state, parts } = draft;
  // Asking again about an order's status deserves today's status, not "done".
  if (
    progress.id === "order_status" &&
    !draft.decisions.actions.some((a) => a.startsWith("report_status:")) &&
    cards.order.status === "found" &&
    mayDiscussOrder(cards, state.customerId, draft.level)
  ) {
    parts.push(say.orderStatus(cards.order.order));
    draft.purpose = "status";
  } else {
    parts.push(say.DONE);
  }
}

function askForMissingSlots(
  draft: RunDraft,
  progress: WorkflowProgress,
  step: StepDefinition,
): StepOutcome {
  const { slots, state, parts } = draft;
  const missing = step.requires.filter((slot) => !slots[slot]);
  const unknownOrders = missing.includes("order_id") ? ordersNotFound(draft.messages, state) : [];
  if (missing.includes("order_id") && state.candidates.length > 0) {
    parts.push(say.askWhichOrder(draft.candidateOrders));
  } else if (unknownOrders.length > 0) {
    // Never ask for what the customer just wrote: say the number was not found instead.
    parts.push(say.orderNotFound(unknownOrders));
  } else {
    const held = WORKFLOWS[progress.id].steps
      .flatMap((s) => s.requires)
      .filter((slot, i, all) => slots[slot] && all.indexOf(slot) === i);
    parts.push(say.askFor(missing, held));
  }
  draft.decisions.asked.push(...missing.slice(0, 1));
  draft.purpose = "question";
  return "stop";
}

function verifyIdentity(
  draft: RunDraft,
  progress: WorkflowProgress,
  step: StepDefinition,
): StepOutcome {
  const { parts, at, contactId } = draft;
  const pending = draft.state.verification.pending;
  // Where knowable facts unlock nothing, a customer already named is sent a code straight away.
  const stepUp =
    step.minLevel === "high" || (draft.proofOnly && draft.customerResolved && !draft.unconfirmed);
  if (!stepUp) {
    // A name and zip already given did not match: ask for the email instead.
    const nameZipHeld = draft.slots.name_zip !== undefined;
    parts.push(say.askSecondFactor(draft.level, nameZipHeld));
    draft.decisions.asked.push(nameZipHeld ? "email" : "name_zip");
    draft.purpose = "question";
    return "stop";
  }
  if (
    pending &&
    pending.contactId === contactId &&
    isBefore(at, pending.expiresAt) &&
    !draft.verificationHandled
  ) {
    parts.push(`Please reply with the 6-digit code I sent by ${channelName(pending.channel)}.`);
    draft.purpose = "verification";
    return "stop";
  }
  if (draft.customerResolved && requestCode(draft)) {
    parts.push(say.sentCode(draft.codeVia === "messaging" ? "message" : "email"));
    draft.purpose = "verification";
    return "stop";
  }
  handOff(
    draft,
    SENSITIVE.includes(progress.id) ? "sensitive_change_unverified" : "needs_person",
    "I can't verify your identity on this channel",
  );
  return "stop";
}

function doAutomatedWork(
  draft: RunDraft,
  progress: WorkflowProgress,
  step: AutomatedStep,
): StepOutcome {
  const { cards, state, parts, at } = draft;
  const work = step.work;
  const complete = (outcome: string) => completeStep(draft, progress, step.id, outcome);
  if (cards.order.status === "unavailable" && work !== "send_reset_link") {
    handOff(draft, "tool_outage", "");
    return "stop";
  }
  if (work === "send_reset_link") {
    complete("sent");
    parts.push(say.RESET_LINK);
    return "next";
  }
  if (!mayDiscussOrder(cards, state.customerId, draft.level) || cards.order.status !== "found") {
    parts.push(
      `I couldn't find that order on your account. Could you check the order number? I need it ${"so I can find the right order"}.`,
    );
    draft.decisions.asked.push("order_id");
    draft.purpose = "question";
    return "stop";
  }
  const order = cards.order.order;
  switch (work) {
    case "report_status":
      complete(order.status);
      parts.push(say.orderStatus(order));
      draft.purpose = "status";
      return "next";
    case "send_return_label":
      complete("label_sent");
      parts.push(say.returnLabel(order));
      return "next";
    case "check_changeable": {
      const changeable = order.status === "pending" || order.status === "processed";
      complete(changeable ? "changeable" : "already_shipped");
      if (!changeable) {
        handOff(
          draft,
          "needs_person",
          "the order has already shipped, so a colleague will look at rerouting it",
        );
        return "stop";
      }
      return "next";
    }
    case "check_return_window": {
      const policy = draft.input.policy;
      const window = returnWindowOf(order, policy);
      const ok = withinReturnWindow(order, at, policy);
      complete(ok ? "eligible" : "not_eligible");
      parts.push(
        say.eligibility({ ...order, ...(window && { returnWindowEndsAt: window.endsAt }) }, ok),
      );
      if (!ok) {
        // The note says which policy decided: the order system's window or the tenant's own.
        handOff(
          draft,
          "needs_person",
          `the order is outside its return window (${returnWindowBasis(window, policy)})`,
        );
        return "stop";
      }
      return "next";
    }
    default: {
      // A step naming work this table lacks does not compile.
      const unknown: never = work;
      throw new Error(`no handler for ${String(unknown)}`);
    }
  }
}

function waitForPerson(
  draft: RunDraft,
  progress: WorkflowProgress,
  step: StepDefinition,
): StepOutcome {
  const { cards, at } = draft;
  const policy = draft.input.policy;
  const order = cards.order.status === "found" ? cards.order.order : null;
  // A refund below the tenant's approval threshold needs no person's approval: the tenant said so.
  if (
    step.kind === "approval" &&
    progress.id === "refund" &&
    order &&
    belowRefundThreshold(order, policy)
  ) {
    completeStep(draft, progress, step.id, `below_threshold:${policy!.refundApprovalThreshold}`);
    return "next";
  }
  if (draft.state.agent.handoff) {
    draft.parts.push(
      `A colleague is still on "${step.title.toLowerCase()}"; I'll make sure they see your message.`,
    );
    draft.purpose = "status";
  } else {
    // What the tenant's policy says about this order goes to the person deciding (the note's
    // "Why a person"): the warranty's length for a claim, the threshold for a refund.
    const warranty =
      progress.id === "warranty_claim" && order ? warrantyNote(order, at, policy) : null;
    const threshold =
      progress.id === "refund" && policy?.refundApprovalThreshold !== undefined
        ? `refunds from ${policy.refundApprovalThreshold} need approval${order?.total !== undefined ? `; the order's total is ${order.total}` : ""}`
        : null;
    const basis = warranty ?? threshold;
    handOff(
      draft,
      "needs_person",
      `${step.title.toLowerCase()} needs a person${basis ? ` (${basis})` : ""}`,
      step.title,
    );
  }
  return "stop";
}

function completeStep(
  draft: RunDraft,
  progress: WorkflowProgress,
  stepId: string,
  outcome: string,
): void {
  progress.completed[stepId] = { by: "ai", outcome, at: draft.at };
  addFact(draft, { type: "workflow.step_completed", stepId, by: "ai", outcome });
  draft.decisions.actions.push(`${stepId}:${outcome}`);
}

/**
 * Order numbers the customer marked as such ("order #99817", "W4471210") that the order system
 * did not confirm: they never reached the thread's orders.
 */
function ordersNotFound(messages: RunMessage[], state: ThreadState): string[] {
  // "o r d 55102" read out is the stored "ORD-55102".
  const known = new Set(state.orderIds.map(orderIdKey));
  const written = messages.flatMap((m) =>
    findReferences(m.text, m.channel).orders.filter(
      (c) => c.strength === "cued" && c.cue !== "brackets" && !known.has(orderIdKey(c.id)),
    ),
  );
  return [...new Set(written.map((c) => c.written))].slice(0, 2);
}
