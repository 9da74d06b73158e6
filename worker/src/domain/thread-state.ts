import type { Artifact, Channel, ControlOwner, ThreadLink, TicketStatus } from "./channel-event";
import { unconfirmedReason, type UnconfirmedReason } from "./contact-confirmation";
import {
  resolveIdentity,
  type IdentityPolicy,
  type IdentityResolution,
  type Signal,
  type VerificationRecord,
} from "./identity-level";
import type { HandoffNote } from "./handoff-notes";
import type { HardStopCode } from "./intent";
import { mergeSlots, type Slots } from "./slots";
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
import { WORKFLOWS } from "./workflows";

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
  origin: "zendesk" | "sunco" | "channel" | null;
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

export const TIMELINE_LIMIT = 200;
const REPLY_LIMIT = 20;
const MESSAGE_EXCERPT = 280;

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

const CHANNEL_NAMES: Record<Channel, string> = {
  web_chat: "web chat",
  messaging: "messaging",
  whatsapp: "WhatsApp",
  sms: "SMS",
  email: "email",
  voice: "voice",
  social: "social",
  api: "API",
};

export function channelName(channel: Channel): string {
  return CHANNEL_NAMES[channel];
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}

function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > MESSAGE_EXCERPT ? `${flat.slice(0, MESSAGE_EXCERPT - 1)}…` : flat;
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

function conflictText(resolution: IdentityResolution): string {
  const signals = resolution.conflict?.signals ?? [];
  const parts = signals.map((s) => `${s.kind} ${s.masked} → ${s.owners.join(", ")}`);
  return resolution.conflict?.reason === "shared_identifier"
    ? `Shared identifier: ${parts.join("; ")}`
    : `Signals disagree: ${parts.join("; ")}`;
}

function withTimeline(state: ThreadState, entry: TimelineEntry): ThreadState {
  const timeline = [...state.timeline, entry];
  return { ...state, timeline: timeline.slice(-TIMELINE_LIMIT) };
}

function raise(state: ThreadState, flag: RiskFlag): ThreadState {
  const same = state.riskFlags.some((f) => f.flag === flag.flag && f.contactId === flag.contactId);
  if (same) return state;
  const next = { ...state, riskFlags: [...state.riskFlags, flag] };
  return withTimeline(next, {
    at: flag.at,
    key: `${flag.flag}:${flag.contactId ?? ""}`,
    kind: "risk",
    contactId: flag.contactId,
    text: flag.reason,
  });
}

/**
 * Re-judge a contact after its evidence changed. A contact that resolves to someone other than
 * the thread's customer is a conflict on this thread: the thread never takes a second customer.
 */
function rejudge(
  state: ThreadState,
  contact: ContactState,
  policy: IdentityPolicy,
  at: string,
): ThreadState {
  let resolution = contact.chosen
    ? chosenResolution(contact, contact.chosen.customerId, policy)
    : resolveIdentity(contact.signals, contact.verifications, contact.lastAt, policy);
  const customerId = state.customerId ?? (resolution.conflict ? null : resolution.customerId);
  if (resolution.customerId && customerId && resolution.customerId !== customerId) {
    resolution = {
      ...resolution,
      level: "low",
      candidates: [customerId, resolution.customerId].sort(),
      customerId: null,
      conflict: {
        reason: "contradicting_signals",
        signals: [
          ...contact.signals
            .filter((s) => s.owners.length > 0)
            .map((s) => ({ kind: s.kind, masked: s.masked, owners: [...s.owners].sort() })),
        ],
      },
    };
  }
  const judged = confirmation(contact, resolution, customerId);
  const contacts = state.contacts.map((c) => (c.id === contact.id ? judged : c));
  let next: ThreadState = { ...state, contacts, customerId };
  // Confirmed now: what it said while unconfirmed becomes the customer's, as if said then.
  if (contact.unconfirmed && !judged.unconfirmed && contact.withheld)
    next = { ...next, slots: mergeSlots(next.slots, contact.withheld) };
  if (resolution.conflict) {
    next = raise(next, {
      flag: "identity_conflict",
      reason: conflictText(resolution),
      at,
      contactId: contact.id,
    });
  }
  return next;
}

/**
 * The contact with its new resolution and whether it is confirmed (DESIGN §4). The fields about
 * confirmation are present only while they say something, so a contact never in doubt reads as
 * it always did.
 */
function confirmation(
  contact: ContactState,
  resolution: IdentityResolution,
  threadCustomer: string | null,
): ContactState {
  const { unconfirmed: _was, withheld, ...rest } = contact;
  const reason = unconfirmedReason(contact, resolution, threadCustomer);
  return {
    ...rest,
    resolution,
    ...(reason && { unconfirmed: reason }),
    ...(reason && withheld && { withheld }),
  };
}

/**
 * A contact as a person decided it: only the evidence that fits the chosen customer counts, and
 * the person's own check counts as one more kind, so the level is at least medium. It is never
 * high without a verification.
 */
function chosenResolution(
  contact: ContactState,
  customerId: string,
  policy: IdentityPolicy,
): IdentityResolution {
  const fitting = contact.signals
    .filter((s) => s.owners.includes(customerId))
    .map((s) => ({ ...s, owners: [customerId] }));
  const judged = resolveIdentity(fitting, contact.verifications, contact.lastAt, policy);
  return {
    ...judged,
    customerId,
    candidates: [],
    conflict: null,
    level: judged.level === "high" ? "high" : "medium",
  };
}

/**
 * Slots from a contact: the thread's when the contact is confirmed; kept with the contact while it
 * is unconfirmed, so they change none of the customer's workflow data until a second signal agrees.
 * One exception: the order number that tied it to the thread names which order a thread without
 * one is about. It is the customer's own order (else the contact would be in conflict), so
 * holding it reveals and permits nothing, and the customer is never asked for it again.
 */
function withheldOr(state: ThreadState, contactId: string, slots: Slots): ThreadState {
  if (Object.keys(slots).length === 0) return state;
  const contact = state.contacts.find((c) => c.id === contactId);
  if (!contact?.unconfirmed) return { ...state, slots: mergeSlots(state.slots, slots) };
  const { order_id: orderId, ...rest } = slots;
  const named = contact.unconfirmed === "order_only" && orderId && !state.slots.order_id;
  const kept = named ? rest : slots;
  const withheld = mergeSlots(contact.withheld ?? {}, kept);
  return {
    ...state,
    ...(named && { slots: mergeSlots(state.slots, { order_id: orderId }) }),
    contacts: state.contacts.map((c) =>
      c.id === contactId && Object.keys(kept).length > 0 ? { ...c, withheld } : c,
    ),
  };
}

function newContact(
  id: string,
  channel: Channel,
  at: string,
  policy: IdentityPolicy,
): ContactState {
  return {
    id,
    channel,
    origin: null,
    joinedAt: at,
    lastAt: at,
    links: [],
    stitch: { action: "existing", reason: "implicit" },
    signals: [],
    verifications: [],
    resolution: resolveIdentity([], [], at, policy),
  };
}

/**
 * Change a contact, creating it when a fact about it sorts before the fact that it joined (a late
 * delivery with an earlier event time). The contact.joined fact fills in the rest when applied.
 */
function updateContact(
  state: ThreadState,
  contactId: string,
  at: string,
  channel: Channel,
  policy: IdentityPolicy,
  change: (c: ContactState) => ContactState,
): { state: ThreadState; contact: ContactState } {
  const existing = state.contacts.find((c) => c.id === contactId);
  const current = existing ?? newContact(contactId, channel, at, policy);
  const contact = change({ ...current, lastAt: latest(current.lastAt, at) });
  const contacts = existing
    ? state.contacts.map((c) => (c.id === contactId ? contact : c))
    : [...state.contacts, contact];
  return { state: { ...state, contacts }, contact };
}

function upsertTicket(state: ThreadState, id: string, channel: Channel): ThreadState {
  if (state.tickets.some((t) => t.id === id)) return state;
  const ticket: TicketState = {
    id,
    channel,
    status: null,
    statusAt: null,
    assigneeId: null,
    assigneeAt: null,
    requesterId: null,
    requesterAt: null,
    satisfaction: null,
  };
  return { ...state, tickets: [...state.tickets, ticket] };
}

function newer(current: string | null, at: string): boolean {
  return current === null || Date.parse(at) >= Date.parse(current);
}

function applyOne(state: ThreadState, event: ThreadEvent, policy: IdentityPolicy): ThreadState {
  switch (event.type) {
    case "contact.joined": {
      const existing = state.contacts.find((c) => c.id === event.contactId);
      if (existing && existing.stitch.reason !== "implicit") return state;
      const previous = state.contacts.filter((c) => c.id !== event.contactId).at(-1);
      const base = existing ?? newContact(event.contactId, event.channel, event.at, policy);
      const contact: ContactState = {
        ...base,
        channel: event.channel,
        origin: event.origin ?? base.origin,
        joinedAt:
          existing && Date.parse(existing.joinedAt) < Date.parse(event.at)
            ? existing.joinedAt
            : event.at,
        links: [
          ...event.links,
          ...base.links.filter((l) => !event.links.some((e) => e.kind === l.kind && e.id === l.id)),
        ],
        stitch: event.stitch,
      };
      let next: ThreadState = {
        ...state,
        contacts: existing
          ? state.contacts.map((c) => (c.id === contact.id ? contact : c))
          : [...state.contacts, contact],
      };
      for (const link of event.links) {
        if (link.kind === "ticket") next = upsertTicket(next, link.id, event.channel);
      }
      const switched = previous && previous.channel !== event.channel;
      return withTimeline(next, {
        at: event.at,
        key: event.key,
        kind: switched ? "channel_switch" : "contact",
        channel: event.channel,
        contactId: event.contactId,
        text: switched
          ? `Continued on ${channelName(event.channel)} (from ${channelName(previous.channel)})`
          : `Contact on ${channelName(event.channel)}`,
      });
    }
    case "contact.linked": {
      const updated = updateContact(state, event.contactId, event.at, event.channel, policy, (c) =>
        c.links.some((l) => l.kind === event.link.kind && l.id === event.link.id)
          ? c
          : { ...c, links: [...c.links, event.link] },
      );
      // The contact's clock moved on: judge it again at its newest event time.
      const next = rejudge(updated.state, updated.contact, policy, event.at);
      return event.link.kind === "ticket" ? upsertTicket(next, event.link.id, event.channel) : next;
    }
    case "identity.observed": {
      const channel = state.contacts.find((c) => c.id === event.contactId)?.channel ?? "api";
      const updated = updateContact(state, event.contactId, event.at, channel, policy, (c) => {
        const known = new Set(c.signals.map((s) => `${s.kind}:${s.hash}`));
        const fresh = event.signals.filter((s) => !known.has(`${s.kind}:${s.hash}`));
        return { ...c, signals: [...c.signals, ...fresh] };
      });
      return rejudge(updated.state, updated.contact, policy, event.at);
    }
    case "verification.passed": {
      const channel = state.contacts.find((c) => c.id === event.contactId)?.channel ?? "api";
      // The verification is itself a moment in the contact's life, possibly after the event that reports it.
      const updated = updateContact(
        state,
        event.contactId,
        latest(event.at, event.passedAt),
        channel,
        policy,
        (c) => ({
          ...c,
          verifications: [...c.verifications, { method: event.method, passedAt: event.passedAt }],
        }),
      );
      let next = rejudge(updated.state, updated.contact, policy, event.at);
      if (next.verification.pending?.contactId === event.contactId) {
        next = { ...next, verification: { ...next.verification, pending: null } };
      }
      return withTimeline(next, {
        at: event.at,
        key: event.key,
        kind: "verification",
        contactId: event.contactId,
        text: `Identity verified (${event.method})`,
      });
    }
    case "message.received": {
      const updated = updateContact(
        state,
        event.contactId,
        event.at,
        event.channel,
        policy,
        (c) => c,
      );
      // Judged first: an unconfirmed contact's words fill no slot of the customer's (DESIGN §4).
      let next = rejudge(updated.state, updated.contact, policy, event.at);
      if (event.author === "customer") {
        next = {
          ...withheldOr(next, event.contactId, event.slots ?? {}),
          orderIds: unique([...next.orderIds, ...event.orderIds]),
        };
      }
      const who =
        event.author === "customer" ? "Customer" : event.author === "agent" ? "Agent" : "Bot";
      return withTimeline(next, {
        at: event.at,
        key: event.key,
        kind: "message",
        channel: event.channel,
        contactId: event.contactId,
        text: `${who}${event.author !== "customer" && !event.public ? " (internal)" : ""}: ${excerpt(event.text)}`,
      });
    }
    case "artifact.added": {
      if (state.artifacts.some((a) => a.url === event.artifact.url)) return state;
      const next = {
        ...state,
        artifacts: [
          ...state.artifacts,
          { ...event.artifact, at: event.at, channel: event.channel, contactId: event.contactId },
        ],
      };
      return withTimeline(next, {
        at: event.at,
        key: event.key,
        kind: "artifact",
        channel: event.channel,
        contactId: event.contactId,
        text: `${event.artifact.kind} received on ${channelName(event.channel)}`,
      });
    }
    case "ticket.changed": {
      const withTicket = upsertTicket(state, event.ticketId, event.channel);
      const notes: string[] = [];
      // Zendesk does not order events within a sequence: the newest event time wins per field.
      const tickets = withTicket.tickets.map((t) => {
        if (t.id !== event.ticketId) return t;
        const next = { ...t };
        if (
          event.status !== undefined &&
          newer(t.statusAt, event.at) &&
          event.status !== t.status
        ) {
          next.status = event.status;
          next.statusAt = event.at;
          notes.push(`status ${event.status}`);
        }
        if (
          event.assigneeId !== undefined &&
          newer(t.assigneeAt, event.at) &&
          event.assigneeId !== t.assigneeId
        ) {
          next.assigneeId = event.assigneeId;
          next.assigneeAt = event.at;
          notes.push(event.assigneeId ? `assigned to agent ${event.assigneeId}` : "unassigned");
        }
        if (
          event.requesterId !== undefined &&
          newer(t.requesterAt, event.at) &&
          event.requesterId !== t.requesterId
        ) {
          next.requesterId = event.requesterId;
          next.requesterAt = event.at;
        }
        return next;
      });
      const next = { ...withTicket, tickets };
      if (notes.length === 0) return next;
      return withTimeline(next, {
        at: event.at,
        key: event.key,
        kind: "ticket",
        channel: event.channel,
        text: `Ticket #${event.ticketId}: ${notes.join(", ")}`,
      });
    }
    case "satisfaction.rated": {
      const withTicket = upsertTicket(state, event.ticketId, "api");
      const tickets = withTicket.tickets.map((t) =>
        t.id === event.ticketId && newer(t.satisfaction?.at ?? null, event.at)
          ? { ...t, satisfaction: { rating: event.rating, at: event.at } }
          : t,
      );
      return withTimeline(
        { ...withTicket, tickets },
        {
          at: event.at,
          key: event.key,
          kind: "ticket",
          text: `Ticket #${event.ticketId} rated ${event.rating}`,
        },
      );
    }
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
    case "verification.requested": {
      const pending = {
        contactId: event.contactId,
        channel: event.channel,
        codeHash: event.codeHash,
        expiresAt: event.expiresAt,
        attemptsLeft: event.attempts,
        requestedAt: event.at,
      };
      return withTimeline(
        { ...state, verification: { ...state.verification, pending } },
        {
          at: event.at,
          key: event.key,
          kind: "verification",
          contactId: event.contactId,
          text: `One-time code sent on ${channelName(event.channel)}`,
        },
      );
    }
    case "verification.wanted":
      return withTimeline(state, {
        at: event.at,
        key: event.key,
        kind: "verification",
        contactId: event.contactId,
        text: `${event.by.replace(/^human:/, "")} asked to verify the customer`,
      });
    case "verification.failed": {
      const pending = state.verification.pending;
      const remaining =
        pending && pending.contactId === event.contactId && event.reason === "wrong_code"
          ? { ...pending, attemptsLeft: pending.attemptsLeft - 1 }
          : pending;
      const verification = {
        pending:
          event.reason === "expired" || (remaining && remaining.attemptsLeft <= 0)
            ? null
            : remaining,
        failures: [
          ...state.verification.failures,
          { at: event.at, contactId: event.contactId, reason: event.reason },
        ],
      };
      return withTimeline(
        { ...state, verification },
        {
          at: event.at,
          key: event.key,
          kind: "verification",
          contactId: event.contactId,
          text:
            event.reason === "expired" ? "Verification code expired" : "Wrong verification code",
        },
      );
    }
    case "risk.flagged":
      return raise(state, {
        flag: event.flag,
        reason: event.reason,
        at: event.at,
        ...(event.contactId && { contactId: event.contactId }),
      });
    case "agent.replied": {
      const reply: AgentReply = {
        at: event.at,
        key: event.key,
        contactId: event.contactId,
        channel: event.channel,
        text: event.text,
        delivery: event.delivery,
        purpose: event.purpose,
      };
      const agent = {
        ...state.agent,
        replies: [...state.agent.replies, reply].slice(-REPLY_LIMIT),
      };
      return withTimeline(
        { ...state, agent },
        {
          at: event.at,
          key: event.key,
          kind: "agent",
          channel: event.channel,
          contactId: event.contactId,
          text: `AI agent${event.delivery === "draft" ? " (draft)" : ""}: ${excerpt(event.text)}`,
        },
      );
    }
    case "agent.handed_off": {
      const agent = {
        ...state.agent,
        handoff: { code: event.code, reason: event.reason, at: event.at },
      };
      // A handoff joining one that stands is the same person's work, told by the note they
      // have; one that starts afresh without a note of its own leaves no earlier note current.
      const handoffNote: HandoffNote | undefined = event.note
        ? { handoff: event.key, at: event.at, ...event.note }
        : state.agent.handoff
          ? state.handoffNote
          : undefined;
      return withTimeline(
        { ...state, agent, handoffNote },
        {
          at: event.at,
          key: event.key,
          kind: "agent",
          text: `Handed to a person: ${event.reason}`,
        },
      );
    }
    case "summary.edited": {
      if (state.summaryEdit && !newer(state.summaryEdit.at, event.at)) return state;
      const summaryEdit = {
        text: event.text,
        by: event.by,
        at: event.at,
        category: event.category,
      };
      return withTimeline(
        { ...state, summaryEdit },
        {
          at: event.at,
          key: event.key,
          kind: "agent",
          text: `Summary corrected by ${event.by.replace(/^human:/, "")} (${event.category.replace(/_/g, " ")})`,
        },
      );
    }
    case "identity.resolved": {
      const channel = state.contacts.find((c) => c.id === event.contactId)?.channel ?? "api";
      const updated = updateContact(state, event.contactId, event.at, channel, policy, (c) => ({
        ...c,
        chosen: { customerId: event.customerId, by: event.by, at: event.at },
      }));
      const resolved = rejudge(updated.state, updated.contact, policy, event.at);
      const riskFlags = resolved.riskFlags.filter(
        (f) => !(f.flag === "identity_conflict" && f.contactId === event.contactId),
      );
      return withTimeline(
        { ...resolved, riskFlags },
        {
          at: event.at,
          key: event.key,
          kind: "verification",
          contactId: event.contactId,
          text: `${event.by.replace(/^human:/, "")} confirmed who the customer is`,
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
          text: `${event.otherThreadId} linked as the same issue by ${event.by.replace(/^human:/, "")}`,
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
          text: `${event.otherThreadId} unlinked by ${event.by.replace(/^human:/, "")}`,
        },
      );
    case "thread.merged":
      return { ...state, mergedInto: event.into };
    case "thread.unmerged":
      return state.mergedInto === event.from ? { ...state, mergedInto: null } : state;
    case "rollout.assigned":
      return state.rollout
        ? state
        : { ...state, rollout: { arm: event.arm, randomised: event.randomised } };
    case "customer.profiled":
      return { ...state, tiers: { ...state.tiers, [event.customerId]: event.tier } };
    case "consent.recorded": {
      const consent = { ...state.consent };
      const answer = (given: boolean): ConsentAnswer => (given ? "granted" : "denied");
      if (event.recording !== undefined && newer(consent.recordingAt, event.at)) {
        consent.recording = answer(event.recording);
        consent.recordingAt = event.at;
      }
      if (event.dataUse !== undefined && newer(consent.dataUseAt, event.at)) {
        consent.dataUse = answer(event.dataUse);
        consent.dataUseAt = event.at;
      }
      return { ...state, consent };
    }
    case "candidate.dismissed":
      return state.dismissedCandidates.includes(event.threadId)
        ? state
        : { ...state, dismissedCandidates: [...state.dismissedCandidates, event.threadId] };
    case "candidate.restored":
      return {
        ...state,
        dismissedCandidates: state.dismissedCandidates.filter((id) => id !== event.threadId),
      };
    case "agent.run_completed":
      return {
        ...state,
        agent: {
          ...state.agent,
          processedOffset: Math.max(state.agent.processedOffset, event.upTo),
        },
      };
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
  const human = (by: string) => by === "human" || by.startsWith("human:");
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
      if (human(event.by)) personActed();
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
