import { mergeSlots } from "../slots";
import type { ThreadEvent } from "../thread-events";
import { WORKFLOWS } from "../workflows";
import { withheldOr } from "./records";
import type { ThreadState, WorkflowProgress } from "./state";
import { withTimeline } from "./timeline";

/** The workflow the thread follows, and the slots it fills. */
export type WorkflowEvent = Extract<
  ThreadEvent,
  { type: "slots.filled" | "workflow.started" | "workflow.step_completed" | "workflow.step_denied" }
>;

export function applyWorkflowEvent(state: ThreadState, event: WorkflowEvent): ThreadState {
  switch (event.type) {
    case "slots.filled":
      // A person's own entries always count; anything read from an unconfirmed contact waits.
      return event.contactId && event.source !== "human"
        ? withheldOr(state, event.contactId, event.slots)
        : { ...state, slots: mergeSlots(state.slots, event.slots) };
    case "workflow.started": {
      if (state.workflow) return state;
      const workflow: WorkflowProgress = {
        id: event.workflow,
        version: event.version,
        startedAt: event.at,
        reason: event.reason,
        completed: {},
        denied: null,
      };
      return withTimeline(
        { ...state, workflow },
        {
          at: event.at,
          key: event.key,
          kind: "workflow",
          text: `Workflow: ${WORKFLOWS[event.workflow].title} (${event.reason})`,
        },
      );
    }
    case "workflow.step_completed": {
      if (!state.workflow || state.workflow.completed[event.stepId]) return state;
      const step = WORKFLOWS[state.workflow.id].steps.find((s) => s.id === event.stepId);
      // A person finishing a step ends the handoff that step called for.
      const handedBack = event.by === "human" ? { ...state.agent, handoff: null } : state.agent;
      const workflow = {
        ...state.workflow,
        completed: {
          ...state.workflow.completed,
          [event.stepId]: {
            by: event.by,
            at: event.at,
            ...(event.outcome && { outcome: event.outcome }),
          },
        },
      };
      return withTimeline(
        { ...state, workflow, agent: handedBack },
        {
          at: event.at,
          key: event.key,
          kind: "workflow",
          text: `Step done: ${step?.title ?? event.stepId}${event.outcome ? ` (${event.outcome})` : ""}, by ${event.by === "ai" ? "the AI agent" : event.by}`,
        },
      );
    }
    case "workflow.step_denied": {
      if (!state.workflow || state.workflow.denied) return state;
      const workflow = {
        ...state.workflow,
        denied: { stepId: event.stepId, by: event.by, reason: event.reason, at: event.at },
      };
      return withTimeline(
        { ...state, workflow },
        {
          at: event.at,
          key: event.key,
          kind: "workflow",
          text: `Denied at ${event.stepId}: ${event.reason}`,
        },
      );
    }
  }
}
