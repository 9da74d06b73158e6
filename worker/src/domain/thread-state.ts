import { isPerson } from "./actor";
import type {
  Artifact,
  Channel,
  ControlOwner,
  IntegrationName,
  ThreadLink,
  TicketStatus,
} from "./channel-event";
import { unconfirmedReason, type UnconfirmedReason } from "./contact-confirmation";
import type {
  IdentityPolicy,
  IdentityResolution,
  Signal,
  VerificationRecord,
} from "./identity-level";
import type { HandoffNote } from "./handoff-notes";
import type { HardStopCode } from "./intent";
import type { Slots } from "./slots";
import type { CandidateThread, ThreadStatus, ThreadSummary } from "./stitching";
import {
  compareEvents,
  type RiskFlagName,
  type StitchSummary,
  type RolloutArm,
  type SummaryEditCategory,
  type ThreadEvent,
} from "./thread-events";
import { isBefore, latest } from "./time";
import type { WorkflowProgress } from "./workflow-view";
import { applyContactEvent } from "./thread-state/contacts";
import { applyControlEvent } from "./thread-state/control";
import { applyConversationEvent } from "./thread-state/conversation";
import { applyLinkEvent } from "./thread-state/links";
import { applyTicketEvent } from "./thread-state/tickets";
import { channelName, TIMELINE_LIMIT, unique } from "./thread-state/timeline";
import { applyWorkflowEvent } from "./thread-state/workflow";

export type { RiskFlagName };

export interface RiskFlag {
  flag: RiskFlagName;
  reason: string;
  at: string;
  contactId?: string;
}

export interface ContactState {
  id: string;
  channel: Channel;
  origin: IntegrationName | null;
  joinedAt: string;
  lastAt: string;
  links: ThreadLink[];
  stitch: StitchSummary;
  signals: Signal[];
  verifications: VerificationRecord[];
  /** Judged at `lastAt`, the newest event time seen for this contact. */
  resolution: IdentityResolution;
  /** The customer a person chose for this contact when its evidence disagreed. */
  chosen?: { customerId: string; by: string; at: string } | null;
  /**
   * Set while the contact is tied to the thread's customer by an order reference alone (DESIGN
   * §4): its words are not the customer's, and unlock nothing. Absent once confirmed.
   */
  unconfirmed?: UnconfirmedReason;
  /** What the contact said while unconfirmed: kept apart from the thread's slots until confirmed. */
  withheld?: Slots;
}

export interface TicketState {
  id: string;
  channel: Channel;
  status: TicketStatus | null;
  statusAt: string | null;
  assigneeId: string | null;
  assigneeAt: string | null;
  requesterId: string | null;
  requesterAt: string | null;
  /** The customer's latest satisfaction rating on this ticket. */
  satisfaction: { rating: "good" | "bad"; at: string } | null;
}

export type TimelineKind =
  | "contact"
  | "channel_switch"
  | "message"
  | "artifact"
  | "ticket"
  | "control"
  | "verification"
  | "risk"
  | "candidates"
  | "workflow"
  | "agent";

export interface TimelineEntry {
  at: string;
  key: string;
  kind: TimelineKind;
  channel?: Channel;
  contactId?: string;
  text: string;
}

export interface ThreadState {
  id: string;
  customerId: string | null;
  openedAt: string;
  lastEventAt: string;
  control: ControlOwner;
  controlAt: string | null;
  contacts: ContactState[];
  tickets: TicketState[];
  orderIds: string[];
  artifacts: (Artifact & { at: string; channel: Channel; contactId: string })[];
  riskFlags: RiskFlag[];
  candidates: CandidateThread[];
  timeline: TimelineEntry[];
  slots: Slots;
  workflow: WorkflowProgress | null;
  verification: {
    /** A one-time code in flight, per contact. */
    pending: {
      contactId: string;
      channel: Channel;
      codeHash: string;
      expiresAt: string;
      attemptsLeft: number;
      requestedAt: string;
    } | null;
    failures: { at: string; contactId: string; reason: "wrong_code" | "expired" }[];
  };
  agent: {
    /** Newest log offset the agent has acted on: runs are keyed by it. */
    processedOffset: number;
    handoff: { code: HardStopCode | "needs_person"; reason: string; at: string } | null;
    replies: AgentReply[];
  };
  /**
   * The full note of the newest handoff that wrote one: it outlives the handoff, so a change after
   * it (control back with the AI, a verification) is told on the ticket that holds it.
   */
  handoffNote?: HandoffNote;
  /** A person's correction of the generated summary (the correction loop). */
  summaryEdit: { text: string; by: string; at: string; category: SummaryEditCategory } | null;
  /** Threads a person said are the same issue; their facts count here. */
  linkedThreads: { threadId: string; at: string; by: string }[];
  /** Candidate threads a person said are a different issue. */
  dismissedCandidates: string[];
  /** Set when a person linked this thread into another: it lives on there. */
  mergedInto: string | null;
  /** The customer's newest answer on each kind of consent. */
  consent: ThreadConsent;
  /** The rollout arm the thread fell in when it opened; null outside any rollout. */
  rollout: { arm: RolloutArm; randomised: boolean } | null;
  /** Customer tiers the order system reported, by customer id. */
  tiers: Record<string, string>;
  /** Running counts the metrics are computed from (docs/metrics.md). */
  tally: ThreadTally;
  /** The last event applied, in log order; later events apply incrementally. */
  cursor: {
    at: string;
    key: string;
    group: string;
    part: number;
    type: ThreadEvent["type"];
  } | null;
  eventCount: number;
}

export interface AgentReply {
  at: string;
  key: string;
  contactId: string;
  channel: Channel;
  text: string;
  delivery: "draft" | "messaging" | "ticket_public";
  purpose: "question" | "answer" | "verification" | "handoff" | "status";
}

export type ConsentAnswer = "granted" | "denied" | "unknown";

export interface ThreadConsent {
  recording: ConsentAnswer;
  recordingAt: string | null;
  dataUse: ConsentAnswer;
  dataUseAt: string | null;
}

export const NO_CONSENT_ANSWER: ThreadConsent = {
  recording: "unknown",
  recordingAt: null,
  dataUse: "unknown",
  dataUseAt: null,
};

export interface ThreadTally {
  customerTurns: number;
  /** Customer turns before the first workflow step was done: the clarifying turns. */
  turnsBeforeUseful: number | null;
  /** Customer messages, after a channel switch, that re-sent a detail the thread already held. */
  repeats: number;
  verificationPrompts: number;
  handoffs: number;
  firstHandoffAt: string | null;
  /** The first workflow decision a person made after the first handoff: re-triage ends here. */
  firstHumanActionAt: string | null;
  humanEdits: number;
  /** When a person first had the thread (handoff or control), for handle time. */
  humanSince: string | null;
  /** When the thread last became solved or closed; null while open. */
  resolvedAt: string | null;
}

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
    case "risk.flagged":
    case "rollout.assigned":
    case "customer.profiled":
      return applyControlEvent(state, event);
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
    return {
      ...next,
      tally: tallied(s, next, event),
      lastEventAt: latest(next.lastEventAt, event.at),
      openedAt: Date.parse(event.at) < Date.parse(next.openedAt) ? event.at : next.openedAt,
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
