import type { ThreadEvent } from "../thread-events";
import type { SessionHold, ThreadState } from "./state";
import { newer, raise, withTimeline } from "./timeline";

/** Who has the conversation, risks raised, and facts about the thread as a whole. */
export type ControlEvent = Extract<
  ThreadEvent,
  {
    type:
      | "control.changed"
      | "control.transferred"
      | "ai.joined"
      | "ai.left"
      | "risk.flagged"
      | "rollout.assigned"
      | "customer.profiled";
  }
>;

/**
 * The session's hold as it was before transfers were recorded: the AI is in the session while it
 * has the conversation; a person who had it then is nobody in particular.
 */
export function holdOf(state: Pick<ThreadState, "session" | "control">): SessionHold {
  return (
    state.session ?? {
      holder: null,
      ai: state.control === "ai" ? "present" : "absent",
      mode: null,
      aiSince: null,
    }
  );
}

function withHold(state: ThreadState, change: Partial<SessionHold>): ThreadState {
  return { ...state, session: { ...holdOf(state), ...change } };
}

export function applyControlEvent(state: ThreadState, event: ControlEvent): ThreadState {
  switch (event.type) {
    case "control.changed": {
      if (!newer(state.controlAt, event.at)) return state;
      // Control back with the AI closes any handoff: the agent resumes at the current step.
      const agent = event.owner === "ai" ? { ...state.agent, handoff: null } : state.agent;
      const moved = { ...state, control: event.owner, controlAt: event.at, agent };
      const hold = holdOf(state);
      // Control with a person keeps the AI in the session until the person first writes (warm is
      // the default, docs/decisions.md); back with the AI, nobody holds it and the AI is there.
      const next =
        event.owner === "human"
          ? withHold(moved, { ai: hold.ai === "absent" ? "absent" : "staying" })
          : withHold(moved, {
              holder: null,
              mode: null,
              heldSince: null,
              ai: "present",
              aiSince: hold.ai === "absent" ? event.at : hold.aiSince,
            });
      if (state.control === event.owner) return next;
      return withTimeline(next, {
        at: event.at,
        key: event.key,
        kind: "control",
        text: `${event.owner === "human" ? "A person" : "The AI agent"} has the conversation (${event.reason})`,
      });
    }
    case "control.transferred": {
      const held = withHold(state, {
        holder: event.to === "human" ? event.by : null,
        mode: event.to === "human" ? (event.mode ?? holdOf(state).mode) : null,
        heldSince: event.to === "human" ? event.at : null,
      });
      // Taking from the AI and handing back are told by their control.changed; a supervisor
      // taking over from a person changes no owner, so it is told here.
      if (event.to !== "human" || !event.from) return held;
      return withTimeline(held, {
        at: event.at,
        key: event.key,
        kind: "control",
        text: `${event.by.name} (${event.by.role}) took the conversation over from ${event.from.name}`,
      });
    }
    case "ai.joined":
      return withHold(state, { ai: "present", aiSince: event.at });
    case "ai.left":
      return withHold(state, { ai: "absent", aiSince: null });
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
