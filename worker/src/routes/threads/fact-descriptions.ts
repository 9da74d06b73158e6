import { actorName } from "../../domain/actor";
import type { ThreadEvent } from "../../domain/thread-events";

/** One line per fact, for "what changed" after a stale write. */
export function describeFact(event: ThreadEvent): string {
  switch (event.type) {
    case "message.received":
      return `${event.author} wrote on ${event.channel}`;
    case "workflow.step_completed":
      return `step ${event.stepId} done by ${event.by}`;
    case "workflow.step_denied":
      return `step ${event.stepId} denied`;
    case "control.changed":
      return `control went to ${event.owner === "ai" ? "the AI agent" : "a person"}`;
    case "agent.replied":
      return "the AI agent replied";
    case "verification.passed":
      return "the customer was verified";
    case "summary.edited":
      return `the summary was corrected by ${actorName(event.by)}`;
    case "thread.linked":
      return `${event.otherThreadId} was linked as the same issue`;
    case "thread.unlinked":
      return `${event.otherThreadId} was unlinked`;
    case "thread.merged":
      return `this thread was linked into ${event.into}`;
    case "participant.joined":
      return `${event.role} ${event.participantId} joined the live session`;
    case "participant.left":
      return `${event.role} ${event.participantId} left the live session`;
    case "control.transferred":
      return event.to === "ai"
        ? `${event.by.name} handed the conversation back to the AI agent`
        : `${event.by.name} (${event.by.role}) took the conversation over`;
    case "ai.joined":
      return "the AI agent joined the live session";
    case "ai.left":
      return "the AI agent left the live session";
    default:
      return event.type.replace(".", " ");
  }
}
