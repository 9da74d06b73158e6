import { isPerson } from "./actor";
import type { TicketStatus } from "./channel-event";
import { unconfirmedReason } from "./contact-confirmation";
import type { IdentityPolicy } from "./identity-level";
import type { Slots } from "./slots";
import type { ThreadStatus, ThreadSummary } from "./stitching";
import { compareEvents, isSessionFact, type RiskFlagName, type ThreadEvent } from "./thread-events";
import { isBefore, latest } from "./time";
import { applyContactEvent } from "./thread-state/contacts";
import { applyControlEvent } from "./thread-state/control";
import { applyConversationEvent } from "./thread-state/conversation";
import { applyLinkEvent } from "./thread-state/links";
import type { ThreadConsent, ThreadState, ThreadTally } from "./thread-state/state";
import { applyTicketEvent } from "./thread-state/tickets";
import { channelName, TIMELINE_LIMIT, unique } from "./thread-state/timeline";
import { applyWorkflowEvent } from "./thread-state/workflow";

export type { RiskFlagName };
// The shape lives in ./thread-state/state.ts, below the fold's parts that read it, so that none
// of them imports this file back; callers of the fold keep reading the shape from here.
export type { ContactState, ThreadConsent, ThreadState } from "./thread-state/state";

export const NO_CONSENT_ANSWER: ThreadConsent = {
  recording: "unknown",
  recordingAt: null,
  dataUse: "unknown",
  dataUseAt: null,
};

export const EMPTY_TALLY: ThreadTally = {
  customerTurns: 0,
  turnsBeforeUseful: null,
  repeats: 0,
  verificationPrompts: 0,
  handoffs: 0,
  firstHandoffAt: null,
  firstHumanActionAt: null,
  humanEdits: 0,
  humanSince: null,
  resolvedAt: null,
};

export { TIMELINE_LIMIT, channelName };

export function emptyThread(id: string, openedAt: string): ThreadState {
  return {
    id,
    customerId: null,
    openedAt,
    lastEventAt: openedAt,
    control: "ai",
    controlAt: null,
    contacts: [],
    tickets: [],
    orderIds: [],
    artifacts: [],
    riskFlags: [],
    candidates: [],
    timeline: [],
    slots: {},
    workflow: null,
    verification: { pending: null, failures: [] },
    agent: { processedOffset: 0, handoff: null, replies: [] },
    summaryEdit: null,
    linkedThreads: [],
    dismissedCandidates: [],
    mergedInto: null,
    consent: NO_CONSENT_ANSWER,
    rollout: null,
    tiers: {},
    tally: EMPTY_TALLY,
    cursor: null,
    eventCount: 0,
  };
}

/**
 * What a contact wrote most recently, newest last, as the timeline keeps it (up to 280
 * characters each): the earlier half of a name and postcode given apart is found here.
 */
export function recentCustomerWords(state: ThreadState, contactId: string, limit = 3): string[] {
  return state.timeline
    .filter(
      (e) => e.kind === "message" && e.contactId === contactId && e.text.startsWith("Customer: "),
    )
    .slice(-limit)
    .map((e) => e.text.slice("Customer: ".length));
}

/** A thread is finished when every ticket on it is; a thread without tickets stays open. */
export function threadStatus(state: ThreadState): ThreadStatus {
  const statuses = state.tickets.map((t) => t.status).filter((s): s is TicketStatus => s !== null);
  if (statuses.length === 0 || statuses.length < state.tickets.length) return "open";
  if (statuses.every((s) => s === "closed")) return "closed";
  return statuses.every((s) => s === "solved" || s === "closed") ? "solved" : "open";
}

export function summarize(state: ThreadState): ThreadSummary {
  return {
    id: state.id,
    customerId: state.customerId,
    status: threadStatus(state),
    lastEventAt: state.lastEventAt,
    orderIds: state.orderIds,
    artifactHashes: unique(state.artifacts.flatMap((a) => (a.sha256 ? [a.sha256] : []))),
  };
}

function applyOne(state: ThreadState, event: ThreadEvent, policy: IdentityPolicy): ThreadState {
  switch (event.type) {
    case "contact.joined":
    case "contact.linked":
    case "identity.observed":
    case "verification.passed":
    case "verification.requested":
    case "verification.wanted":
    case "verification.failed":
    case "identity.resolved":
      return applyContactEvent(state, event, policy);
    case "message.received":
    case "artifact.added":
    case "agent.replied":
    case "agent.handed_off":
    case "summary.edited":
    case "consent.recorded":
    case "agent.run_completed":
      return applyConversationEvent(state, event, policy);
    case "ticket.changed":
    case "satisfaction.rated":
      return applyTicketEvent(state, event);
    case "slots.filled":
    case "workflow.started":
    case "workflow.step_completed":
    case "workflow.step_denied":
      return applyWorkflowEvent(state, event);
    case "candidates.recorded":
    case "thread.linked":
    case "thread.unlinked":
    case "thread.merged":
    case "thread.unmerged":
    case "candidate.dismissed":
    case "candidate.restored":
      return applyLinkEvent(state, event);
    case "control.changed":
    case "control.transferred":
    case "ai.joined":
    case "ai.left":
    case "risk.flagged":
    case "rollout.assigned":
    case "customer.profiled":
      return applyControlEvent(state, event);
    case "participant.joined":
    case "participant.left":
      // Presence is the live session's state, not the thread's: recorded, never projected.
      return state;
    default: {
      // Every event type is applied by exactly one concern: a new one fails to compile here.
      const unhandled: never = event;
      return unhandled;
    }
  }
}

/**
 * A contact joined when anything about it first happened: the fact that introduced it may come
 * from whichever delivery arrived first, which need not be the earliest one.
 */
function joinAtFirstSight(events: ThreadEvent[]): ThreadEvent[] {
  const first = new Map<string, number>();
  for (const e of events) {
    if (!("contactId" in e) || !e.contactId) continue;
    const at = Date.parse(e.at);
    if (at < (first.get(e.contactId) ?? Infinity)) first.set(e.contactId, at);
  }
  return events.map((e) => {
    if (e.type !== "contact.joined") return e;
    const at = first.get(e.contactId)!;
    return at < Date.parse(e.at) ? { ...e, at: new Date(at).toISOString() } : e;
  });
}

/**
 * Facts copied in from a linked thread count only under the newest link's prefix, and not at all
 * once a person undid the link.
 */
/** Keys of facts copied in by a link: `<thread id>@<version>/<original key>`. */
const COPIED_KEY = /^(THR-[0-9A-Z]{4,32})@\d+\//;

export function effectiveEvents(events: ThreadEvent[]): ThreadEvent[] {
  const lastLinkOp = new Map<string, ThreadEvent & { type: "thread.linked" | "thread.unlinked" }>();
  for (const e of [...events].sort(compareEvents)) {
    if (e.type === "thread.linked" || e.type === "thread.unlinked")
      lastLinkOp.set(e.otherThreadId, e);
  }
  if (lastLinkOp.size === 0) return events;
  return events.filter((e) => {
    const copiedFrom = COPIED_KEY.exec(e.key)?.[1];
    const op = copiedFrom ? lastLinkOp.get(copiedFrom) : undefined;
    if (!op) return true;
    return op.type === "thread.linked" && e.key.startsWith(op.prefix);
  });
}

/** A stored state from before a field existed reads as if it had the field's empty value. */
export function reviveState(stored: ThreadState): ThreadState {
  const state = { ...emptyThread(stored.id, stored.openedAt), ...stored };
  // Contacts stored before confirmation was recorded are judged as they stand.
  const contacts = state.contacts.map((c) => {
    if (c.unconfirmed) return c;
    const reason = unconfirmedReason(c, c.resolution, state.customerId);
    return reason ? { ...c, unconfirmed: reason } : c;
  });
  return { ...state, contacts };
}

/** Whether a contact that came after a channel switch sent something the thread already held. */
function resent(prev: ThreadState, event: ThreadEvent): boolean {
  if (!("contactId" in event) || !event.contactId) return false;
  const index = prev.contacts.findIndex((c) => c.id === event.contactId);
  const contact = prev.contacts[index];
  if (!contact || index === 0) return false;
  const switched = prev.contacts.slice(0, index).some((c) => c.channel !== contact.channel);
  if (!switched) return false;
  if (event.type === "message.received" && event.author === "customer") {
    return Object.entries(event.slots ?? {}).some(([name, slot]) => {
      const held = prev.slots[name as keyof Slots];
      return (
        held !== undefined &&
        Date.parse(held.at) < Date.parse(contact.joinedAt) &&
        held.value.trim().toLowerCase() === slot.value.trim().toLowerCase()
      );
    });
  }
  if (event.type === "identity.observed") {
    const earlier = new Set(
      prev.contacts
        .filter((c) => c.id !== contact.id)
        .flatMap((c) => c.signals.map((s) => `${s.kind}:${s.hash}`)),
    );
    return event.signals.some(
      (s) =>
        s.source === "text" &&
        (s.kind === "email" || s.kind === "phone") &&
        earlier.has(`${s.kind}:${s.hash}`),
    );
  }
  return false;
}

/** The running counts after one fact (docs/metrics.md says what each one means). */
function tallied(prev: ThreadState, next: ThreadState, event: ThreadEvent): ThreadTally {
  const t = { ...next.tally };
  const at = event.at;
  const personActed = () => {
    if (t.firstHandoffAt && !t.firstHumanActionAt && !isBefore(at, t.firstHandoffAt))
      t.firstHumanActionAt = at;
  };
  switch (event.type) {
    case "message.received":
      if (event.author === "customer") t.customerTurns += 1;
      break;
    case "verification.requested":
      t.verificationPrompts += 1;
      break;
    case "agent.handed_off":
      t.handoffs += 1;
      t.firstHandoffAt ??= at;
      t.humanSince ??= at;
      break;
    case "control.changed":
      if (event.owner === "human") t.humanSince ??= at;
      break;
    case "workflow.step_completed":
    case "workflow.step_denied":
      t.turnsBeforeUseful ??= t.customerTurns;
      if (isPerson(event.by)) personActed();
      break;
    case "summary.edited":
      t.humanEdits += 1;
      break;
  }
  if (resent(prev, event)) t.repeats += 1;
  const wasOpen = threadStatus(prev) === "open";
  const isOpen = threadStatus(next) === "open";
  if (wasOpen && !isOpen) t.resolvedAt = at;
  if (!wasOpen && isOpen) t.resolvedAt = null;
  return t;
}

/** Apply events that all sort after the state's cursor (see `appliesInOrder`). */
export function applyEvents(
  state: ThreadState,
  events: ThreadEvent[],
  policy: IdentityPolicy,
): ThreadState {
  return [...events].sort(compareEvents).reduce((s, event) => {
    const next = applyOne(s, event, policy);
    // Someone watching a thread is not the customer coming back: the continuity window holds.
    const watched = isSessionFact(event);
    return {
      ...next,
      tally: tallied(s, next, event),
      lastEventAt: watched ? next.lastEventAt : latest(next.lastEventAt, event.at),
      openedAt:
        !watched && Date.parse(event.at) < Date.parse(next.openedAt) ? event.at : next.openedAt,
      cursor: {
        at: event.at,
        key: event.key,
        group: event.group,
        part: event.part,
        type: event.type,
      },
      eventCount: next.eventCount + 1,
    };
  }, state);
}

/** True when every event sorts after the thread's cursor, so applying them equals a replay. */
export function appliesInOrder(state: ThreadState, events: ThreadEvent[]): boolean {
  const cursor = state.cursor;
  return cursor === null || events.every((e) => compareEvents(e, cursor) > 0);
}

/**
 * The thread's state from its log. Events are applied in event-time order and duplicate keys are
 * dropped, so the state depends on which events happened, not on the order they arrived in.
 */
export function project(id: string, events: ThreadEvent[], policy: IdentityPolicy): ThreadState {
  const seen = new Set<string>();
  const ordered = joinAtFirstSight(effectiveEvents(events))
    .sort(compareEvents)
    .filter((e) => {
      if (seen.has(e.key)) return false;
      seen.add(e.key);
      return true;
    });
  const first = ordered[0];
  return applyEvents(emptyThread(id, first?.at ?? new Date(0).toISOString()), ordered, policy);
}
