import { addDays, isBefore } from "./time";
import type { IdentityResolution } from "./identity-level";

export type ThreadStatus = "open" | "solved" | "closed";

/** What stitching needs to know about a customer's existing thread. */
export interface ThreadSummary {
  id: string;
  customerId: string | null;
  status: ThreadStatus;
  lastEventAt: string;
  orderIds: string[];
  artifactHashes: string[];
}

/** What the contact itself points at. */
export interface ContactReferences {
  orderIds: string[];
  artifactHashes: string[];
}

export interface CandidateThread {
  threadId: string;
  reason: "same_order" | "same_artifact" | "open_thread" | "reopen" | "identity_conflict";
  /** The orders that thread is about, so one question can name them. */
  orderIds?: string[];
}

export type StitchDecision =
  | { action: "existing"; threadId: string; via: "session" | "ticket" }
  | {
      action: "attach";
      threadId: string;
      reason: "same_order" | "same_artifact" | "only_open_thread";
    }
  | { action: "new"; reason: StitchNewReason; candidates: CandidateThread[] };

export type StitchNewReason =
  | "customer_unresolved"
  | "identity_conflict"
  | "different_order"
  | "no_open_thread"
  | "several_open_threads"
  | "several_matching_threads";

export interface StitchInput {
  /** A thread already linked to this session or ticket. */
  linked: { threadId: string; via: "session" | "ticket" } | null;
  resolution: IdentityResolution;
  references: ContactReferences;
  /** Threads of the resolved customer, or of the candidate customers when in conflict. */
  threads: ThreadSummary[];
  asOf: string;
  continuityWindowDays: number;
}

function overlap(a: string[], b: string[]): boolean {
  return a.some((x) => b.includes(x));
}

function matchReason(
  thread: ThreadSummary,
  refs: ContactReferences,
): CandidateThread["reason"] | null {
  if (overlap(thread.orderIds, refs.orderIds)) return "same_order";
  if (overlap(thread.artifactHashes, refs.artifactHashes)) return "same_artifact";
  return null;
}

/**
 * Which thread a contact joins (DESIGN §4). Deterministic links win. Otherwise a contact joins a
 * customer's open thread in the continuity window when it refers to the same order or artifact,
 * or when it refers to nothing and that thread is the only open one. Anything ambiguous starts a
 * new thread that records the threads it might belong to, so a person (or one targeted question)
 * decides, not a guess.
 */
export function decideThread(input: StitchInput): StitchDecision {
  const { linked, resolution, references, asOf } = input;
  if (linked) return { action: "existing", threadId: linked.threadId, via: linked.via };

  const hasRefs = references.orderIds.length + references.artifactHashes.length > 0;
  const windowStart = addDays(asOf, -input.continuityWindowDays);
  const inWindow = (t: ThreadSummary) => !isBefore(t.lastEventAt, windowStart);
  const open = input.threads.filter((t) => t.status === "open" && inWindow(t));
  const byRecency = (a: ThreadSummary, b: ThreadSummary) =>
    Date.parse(b.lastEventAt) - Date.parse(a.lastEventAt) || a.id.localeCompare(b.id);

  if (resolution.conflict) {
    const candidates = open
      .filter((t) => !hasRefs || matchReason(t, references))
      .sort(byRecency)
      .map((t) => ({ threadId: t.id, reason: "identity_conflict" as const, orderIds: t.orderIds }));
    return { action: "new", reason: "identity_conflict", candidates };
  }
  if (!resolution.customerId)
    return { action: "new", reason: "customer_unresolved", candidates: [] };

  const own = open.filter((t) => t.customerId === resolution.customerId).sort(byRecency);
  if (hasRefs) {
    const matching = own.filter((t) => matchReason(t, references));
    if (matching.length === 1) {
      const thread = matching[0]!;
      return {
        action: "attach",
        threadId: thread.id,
        reason: matchReason(thread, references) as "same_order" | "same_artifact",
      };
    }
    if (matching.length > 1) {
      return {
        action: "new",
        reason: "several_matching_threads",
        candidates: matching.map((t) => ({
          threadId: t.id,
          reason: matchReason(t, references)!,
          orderIds: t.orderIds,
        })),
      };
    }
    // A finished thread about the same order is offered for reopening, never silently reopened.
    const finished = input.threads
      .filter(
        (t) =>
          t.customerId === resolution.customerId &&
          t.status !== "open" &&
          matchReason(t, references),
      )
      .sort(byRecency)
      .map((t) => ({ threadId: t.id, reason: "reopen" as const, orderIds: t.orderIds }));
    return { action: "new", reason: "different_order", candidates: finished };
  }

  if (own.length === 1)
    return { action: "attach", threadId: own[0]!.id, reason: "only_open_thread" };
  if (own.length > 1) {
    return {
      action: "new",
      reason: "several_open_threads",
      candidates: own.map((t) => ({
        threadId: t.id,
        reason: "open_thread" as const,
        orderIds: t.orderIds,
      })),
    };
  }
  return { action: "new", reason: "no_open_thread", candidates: [] };
}
