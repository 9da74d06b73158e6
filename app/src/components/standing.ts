import type { SlotName, ThreadContext, Workflow } from "../api/types";

/**
 * Where the thread stands and who it waits on, read once from the context so that the header,
 * the first screen and the stepper can never say different things.
 */
export type Standing =
  | { on: "person"; step: StepRef; approval: boolean }
  | { on: "customer"; step: StepRef; missing: SlotName[]; code: boolean }
  | { on: "ai"; step: StepRef }
  | { on: "nobody"; outcome: "done" | "denied" }
  /** No workflow yet: whoever holds the conversation. */
  | { on: "conversation"; control: ThreadContext["control"] };

export interface StepRef {
  workflow: Workflow["id"];
  id: string;
  title: string;
}

export function standingOf(context: ThreadContext): Standing {
  const { workflow } = context;
  if (!workflow) return { on: "conversation", control: context.control };
  if (workflow.status === "done" || workflow.status === "denied")
    return { on: "nobody", outcome: workflow.status };
  const current = workflow.steps.find((s) => s.id === workflow.currentStep);
  const step: StepRef = {
    workflow: workflow.id,
    id: current?.id ?? "",
    title: current?.title ?? workflow.title,
  };
  // A person who took over also does the AI's steps: the AI is silent while they hold the thread.
  if (
    workflow.status === "waiting_on_human" ||
    (workflow.status === "waiting_on_agent" && context.control === "human")
  )
    return { on: "person", step, approval: current?.executor === "approval" };
  if (workflow.status === "waiting_on_customer")
    return {
      on: "customer",
      step,
      missing: workflow.missing,
      code: context.verification.pending !== null,
    };
  return { on: "ai", step };
}

/** Up to three sentences of the summary: enough to act on; the rest is one click away. */
export function firstSentences(text: string, count = 3): { shown: string; more: boolean } {
  const segmenter = new Intl.Segmenter(undefined, { granularity: "sentence" });
  const sentences = [...segmenter.segment(text.trim())].map((s) => s.segment);
  return {
    shown: sentences.slice(0, count).join("").trim(),
    more: sentences.length > count,
  };
}
