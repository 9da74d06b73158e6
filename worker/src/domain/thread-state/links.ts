import { actorName } from "../actor";
import type { ThreadEvent } from "../thread-events";
import type { ThreadState } from "./state";
import { withTimeline } from "./timeline";

/** Other threads: candidates for the same issue, links and merges a person made. */
export type LinkEvent = Extract<
  ThreadEvent,
  {
    type:
      | "candidates.recorded"
      | "thread.linked"
      | "thread.unlinked"
      | "thread.merged"
      | "thread.unmerged"
      | "candidate.dismissed"
      | "candidate.restored";
  }
>;

export function applyLinkEvent(state: ThreadState, event: LinkEvent): ThreadState {
  switch (event.type) {
    case "candidates.recorded": {
      const known = new Set(state.candidates.map((c) => c.threadId));
      const fresh = event.candidates.filter(
        (c) => !known.has(c.threadId) && c.threadId !== state.id,
      );
      if (fresh.length === 0) return state;
      return withTimeline(
        { ...state, candidates: [...state.candidates, ...fresh] },
        {
          at: event.at,
          key: event.key,
          kind: "candidates",
          text: `May be the same issue as ${fresh.map((c) => c.threadId).join(", ")}`,
        },
      );
    }
    case "thread.linked": {
      if (state.linkedThreads.some((l) => l.threadId === event.otherThreadId)) return state;
      const linkedThreads = [
        ...state.linkedThreads,
        { threadId: event.otherThreadId, at: event.at, by: event.by },
      ];
      return withTimeline(
        { ...state, linkedThreads },
        {
          at: event.at,
          key: event.key,
          kind: "candidates",
          text: `${event.otherThreadId} linked as the same issue by ${actorName(event.by)}`,
        },
      );
    }
    case "thread.unlinked":
      return withTimeline(
        {
          ...state,
          linkedThreads: state.linkedThreads.filter((l) => l.threadId !== event.otherThreadId),
        },
        {
          at: event.at,
          key: event.key,
          kind: "candidates",
          text: `${event.otherThreadId} unlinked by ${actorName(event.by)}`,
        },
      );
    case "thread.merged":
      return { ...state, mergedInto: event.into };
    case "thread.unmerged":
      return state.mergedInto === event.from ? { ...state, mergedInto: null } : state;
    case "candidate.dismissed":
      return state.dismissedCandidates.includes(event.threadId)
        ? state
        : { ...state, dismissedCandidates: [...state.dismissedCandidates, event.threadId] };
    case "candidate.restored":
      return {
        ...state,
        dismissedCandidates: state.dismissedCandidates.filter((id) => id !== event.threadId),
      };
  }
}
