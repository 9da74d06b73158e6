import type { Artifact, Channel, ControlOwner, ThreadLink, TicketStatus } from "../channel-event";
import type { IdentityResolution, Signal, VerificationRecord } from "../identity-level";
import type { IntegrationName } from "../integration-name";
import type { HardStopCode, WorkflowId } from "../intent";
import type { Slots } from "../slots";
import type { CandidateThread } from "../stitching";
import type {
  Holder,
  NoteClaims,
  RiskFlagName,
  RolloutArm,
  StitchSummary,
  TransferMode,
  SummaryEditCategory,
  ThreadEvent,
} from "../thread-events";

// The shape of a thread's state, apart from the fold that builds it (../thread-state.ts): the
// fold's parts and the views over the state read it, so it sits below all of them and imports
// none of them (no import circles: `npm run lint:circles`).

/**
 * Why a contact's words are not yet the customer's (DESIGN §4): an order number is a knowable
 * fact, not proof. A contact whose only tie to the customer is an order reference joins that
 * order's thread at `low` but stays unconfirmed until a second signal or a verification agrees;
 * a second signal that points at someone else leaves it unconfirmed, and in conflict.
 */
export const UNCONFIRMED_REASONS = ["order_only", "conflicting"] as const;
export type UnconfirmedReason = (typeof UNCONFIRMED_REASONS)[number];

/** What has happened to a thread's workflow, from its facts. */
export interface WorkflowProgress {
  id: WorkflowId;
  version: number;
  startedAt: string;
  reason: string;
  completed: Record<string, { by: "ai" | "human" | "customer"; outcome?: string; at: string }>;
  denied: { stepId: string; by: string; reason: string; at: string } | null;
}

/** Where the newest handoff's full note is, and what it said. */
export interface HandoffNote {
  /** The key of the handoff fact: which handoff the note is about. */
  handoff: string;
  at: string;
  ticketId: string;
  contactId: string | null;
  claims: NoteClaims;
}

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
  /** The Help Center article an AI answer relied on, so a person can open it. */
  cites?: { title: string; url: string };
}

export interface ThreadState {
  id: string;
  customerId: string | null;
  openedAt: string;
  lastEventAt: string;
  control: ControlOwner;
  controlAt: string | null;
  /** Who holds the conversation in the live session, and whether the AI agent is in it. */
  session?: SessionHold;
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

/**
 * The live session's hold on the conversation. Absent on threads written before transfers: read
 * it through `holdOf` (domain/transfer.ts).
 */
export interface SessionHold {
  /** The person who took the conversation; null while the AI has it or nobody has claimed it. */
  holder: Holder | null;
  /**
   * present: the AI is in the session; staying: a person has control and the AI waits for their
   * first message to the customer before it leaves (warm); absent: it has left.
   */
  ai: "present" | "staying" | "absent";
  /** The transfer that gave the holder the conversation. */
  mode: TransferMode | null;
  /** When the AI (re)joined the session; null when it has been there since the thread opened. */
  aiSince: string | null;
  /** When the holder took the conversation (absent in states recorded before it was kept). */
  heldSince?: string | null;
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
