import type { ControlOwner } from "./channel-event";
import { atLeast, levelRank, type IdentityLevel } from "./identity-level";
import type { WorkflowId } from "./intent";
import type { SlotName, Slots } from "./slots";
import type { ThreadState, WorkflowProgress } from "./thread-state/state";
import { WORKFLOWS, type Executor, type StepDefinition, type StepKind } from "./workflows";

export type StepStatus = "done" | "current" | "pending" | "denied";
export type WorkflowStatus =
  "waiting_on_customer" | "waiting_on_agent" | "waiting_on_human" | "done" | "denied";
export type WorkflowAction =
  "continue" | "approve" | "deny" | "request_verification" | "hand_back" | "take_over";

export interface WorkflowView {
  id: WorkflowId;
  version: number;
  title: string;
  status: WorkflowStatus;
  currentStep: string | null;
  /** 1-based position of the current step ("Step 3 of 5"); stepCount + 1 when finished. */
  stepNumber: number;
  stepCount: number;
  steps: {
    id: string;
    title: string;
    kind: StepKind;
    executor: Executor;
    minLevel: IdentityLevel;
    requires: SlotName[];
    waitsOnCustomer: boolean;
    consequential: boolean;
    status: StepStatus;
    outcome?: string;
  }[];
  missing: SlotName[];
  actions: ActionOption[];
  /**
   * The level the contact in front of us still needs for what the thread is at: the thread's
   * step is where the workflow stands, whoever moved it; this is what holds back this contact.
   */
  contactNeeds: IdentityLevel | null;
}

/**
 * How far the thread's confirmed contacts got: a verification the chat customer passed moved the
 * workflow on, and a later caller on a weaker channel does not move it back.
 */
export function threadLevel(state: Pick<ThreadState, "contacts">): IdentityLevel {
  return state.contacts
    .filter((c) => !c.unconfirmed)
    .map((c) => c.resolution.level)
    .reduce<IdentityLevel>((best, l) => (levelRank(l) > levelRank(best) ? l : best), "unknown");
}

export function definitionOf(progress: Pick<WorkflowProgress, "id">) {
  return WORKFLOWS[progress.id];
}

/**
 * Whether a step is behind us. Collect steps are done once their slots are held; verify steps
 * while the contact in front of us is at the level (a later caller on a weaker channel is not);
 * everything else needs a recorded completion.
 */
export function stepDone(
  step: StepDefinition,
  progress: WorkflowProgress,
  slots: Slots,
  level: IdentityLevel,
): boolean {
  if (progress.completed[step.id]) return true;
  if (step.kind === "collect") return step.requires.every((slot) => slots[slot] !== undefined);
  if (step.kind === "verify") return atLeast(level, step.minLevel);
  return false;
}

export function currentStep(
  progress: WorkflowProgress,
  slots: Slots,
  level: IdentityLevel,
): StepDefinition | null {
  if (progress.denied) return null;
  return (
    definitionOf(progress).steps.find((step) => !stepDone(step, progress, slots, level)) ?? null
  );
}

export interface ActionOption {
  action: WorkflowAction;
  permitted: boolean;
  reason?: string;
  reasonCode?: "identity_level" | "already_verified";
  needs?: IdentityLevel;
}

function refusedBelow(needed: IdentityLevel, level: IdentityLevel) {
  return {
    permitted: false,
    reason: `Needs ${needed} identity; the customer is at ${level}.`,
    reasonCode: "identity_level" as const,
    needs: needed,
  };
}

function actionsFor(
  step: StepDefinition | null,
  level: IdentityLevel,
  control: ControlOwner,
): WorkflowView["actions"] {
  const actions: WorkflowView["actions"] = [];
  const gate = (needed: IdentityLevel, consequential: boolean) => {
    const required: IdentityLevel = consequential ? "high" : needed;
    return atLeast(level, required) ? { permitted: true } : refusedBelow(required, level);
  };
  if (step) {
    if (step.kind === "approval") {
      actions.push({ action: "approve", ...gate(step.minLevel, step.consequential === true) });
      actions.push({ action: "deny", permitted: true });
    } else if (step.kind === "verify") {
      actions.push({ action: "continue", ...refusedBelow(step.minLevel, level) });
    } else {
      actions.push({ action: "continue", ...gate(step.minLevel, step.consequential === true) });
    }
  }
  actions.push(
    atLeast(level, "high")
      ? {
          action: "request_verification",
          permitted: false,
          reason: "The customer is already verified.",
          reasonCode: "already_verified",
        }
      : { action: "request_verification", permitted: true },
  );
  actions.push(
    control === "human"
      ? { action: "hand_back", permitted: true }
      : { action: "take_over", permitted: true },
  );
  return actions;
}

function statusOf(step: StepDefinition | null, progress: WorkflowProgress): WorkflowStatus {
  if (progress.denied) return "denied";
  if (!step) return "done";
  if (step.executor !== "ai") return "waiting_on_human";
  return step.waitsOnCustomer ? "waiting_on_customer" : "waiting_on_agent";
}

/** What the contact in front of us must reach to act on the thread's step, if more than they have. */
function neededBy(
  steps: StepDefinition[],
  index: number,
  level: IdentityLevel,
): IdentityLevel | null {
  const needs = steps
    .slice(0, index + 1)
    .filter((s, i) => s.kind === "verify" || i === index)
    .map((s) => (s.consequential ? "high" : s.minLevel))
    .filter((l) => !atLeast(level, l));
  return needs.reduce<IdentityLevel | null>(
    (top, l) => (top === null || levelRank(l) > levelRank(top) ? l : top),
    null,
  );
}

/**
 * The workflow where the thread stands (its steps as far as `reached`, the thread's best level,
 * moved them), and what the contact in front of us, at `level`, may do about it.
 */
export function workflowView(
  progress: WorkflowProgress,
  slots: Slots,
  level: IdentityLevel,
  control: ControlOwner,
  reached: IdentityLevel = level,
): WorkflowView {
  const definition = definitionOf(progress);
  const position: IdentityLevel = levelRank(reached) > levelRank(level) ? reached : level;
  const current = currentStep(progress, slots, position);
  const deniedAt = progress.denied
    ? definition.steps.findIndex((s) => s.id === progress.denied!.stepId)
    : -1;
  const index =
    deniedAt >= 0
      ? deniedAt
      : current
        ? definition.steps.indexOf(current)
        : definition.steps.length;
  return {
    id: definition.id,
    version: definition.version,
    title: definition.title,
    status: statusOf(current, progress),
    currentStep: current?.id ?? null,
    stepNumber: index + 1,
    stepCount: definition.steps.length,
    steps: definition.steps.map((step, i) => {
      const completion = progress.completed[step.id];
      const status: StepStatus =
        progress.denied?.stepId === step.id
          ? "denied"
          : i === index && !progress.denied
            ? "current"
            : i < index || (!progress.denied && stepDone(step, progress, slots, position))
              ? "done"
              : "pending";
      return {
        id: step.id,
        title: step.title,
        kind: step.kind,
        executor: step.executor,
        minLevel: step.minLevel,
        requires: step.requires,
        waitsOnCustomer: step.waitsOnCustomer,
        consequential: step.consequential === true,
        status,
        ...(completion?.outcome && { outcome: completion.outcome }),
      };
    }),
    missing:
      current?.kind === "collect"
        ? current.requires.filter((slot) => slots[slot] === undefined)
        : [],
    actions: actionsFor(current, level, control),
    contactNeeds: progress.denied || !current ? null : neededBy(definition.steps, index, level),
  };
}
