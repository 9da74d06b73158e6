import type { ThreadEvent } from "../thread-events";
import type { ThreadState } from "./state";
import { newer, raise, withTimeline } from "./timeline";

/** Who has the conversation, risks raised, and facts about the thread as a whole. */
export type ControlEvent = Extract<
  ThreadEvent,
  { type: "control.changed" | "risk.flagged" | "rollout.assigned" | "customer.profiled" }
>;

export function applyControlEvent(state: ThreadState, event: ControlEvent): ThreadState {
  switch (event.type) {
    case "control.changed": {
      if (!newer(state.controlAt, event.at)) return state;
      // Control back with the AI closes any handoff: the agent resumes at the current step.
      const agent = event.owner === "ai" ? { ...state.agent, handoff: null } : state.agent;
      const next = { ...state, control: event.owner, controlAt: event.at, agent };
      if (state.control === event.owner) return next;
      return withTimeline(next, {
        at: event.at,
        key: event.key,
        kind: "control",
        text: `${event.owner === "human" ? "A person" : "The AI agent"} has the conversation (${event.reason})`,
      });
    }
    case "risk.flagged":
      return raise(state, {
        flag: event.flag,
        reason: event.reason,
        at: event.at,
        ...(event.contactId && { contactId: event.contactId }),
      });
    case "rollout.assigned":
      return state.rollout
        ? state
        : { ...state, rollout: { arm: event.arm, randomised: event.randomised } };
    case "customer.profiled":
      return { ...state, tiers: { ...state.tiers, [event.customerId]: event.tier } };
  }
}
