import { isReactionGroup } from "./actor";
import type {
  Artifact,
  Channel,
  ControlOwner,
  MessageAuthor,
  ThreadLink,
  TicketStatus,
} from "./channel-event";
import type { IdentityLevel, Signal } from "./identity-level";
import type { IntegrationName } from "./integration-name";
import type { HardStopCode, WorkflowId } from "./intent";
import type { SlotName, Slots } from "./slots";
import type { CandidateThread, StitchDecision } from "./stitching";

export type StitchSummary = { action: StitchDecision["action"]; reason: string };

/**
 * What a full handoff note told its reader, kept so that a later state can be compared with it:
 * only what a person would act on differently if it were no longer true.
 */
export interface NoteClaims {
  /** The identity level the note gave for its contact. */
  level: IdentityLevel;
  /** The note said its contact was unconfirmed: its words not the customer's. */
  unconfirmed: boolean;
  /** One of the customer's own contacts held an unexpired verification. */
  verified: boolean;
  workflow: { id: WorkflowId; outcome: "open" | "done" | "denied" } | null;
  /** Who had the conversation: a hard stop gives it to a person, an approval leaves it with the AI. */
  control: ControlOwner;
  /** The kinds of risk the note listed: the same risk raised again by another contact is not news. */
  risks: string[];
}

/**
 * Facts appended to a thread's log. `key` is unique within a thread and derived from the sender's
 * event id, so a redelivered or replayed event can never be applied twice. `at` is event time;
 * `group` names the delivery the fact came from and `part` its position in it, so facts of one
 * delivery keep their order when they share an instant.
 */
export type ThreadEvent = { key: string; at: string; group: string; part: number } & (
  | {
      type: "contact.joined";
      contactId: string;
      channel: Channel;
      /** Which inbound source the contact came through: replies go back the same way. */
      origin?: IntegrationName;
      links: ThreadLink[];
      stitch: StitchSummary;
    }
  | { type: "contact.linked"; contactId: string; channel: Channel; link: ThreadLink }
  | { type: "identity.observed"; contactId: string; signals: Signal[] }
  | { type: "verification.passed"; contactId: string; method: string; passedAt: string }
  | {
      type: "message.received";
      contactId: string;
      channel: Channel;
      author: MessageAuthor;
      /** Redacted: contact details inside the text are masked before storage. */
      text: string;
      public: boolean;
      orderIds: string[];
      /** Slots this message fills, by the deterministic extraction. */
      slots?: Slots;
      /** Keyed hash of a one-time code the message carried; the digits are masked in `text`. */
      codeAttempt?: string;
      /** A person's message from the sidebar: the first name the customer was shown. */
      writer?: string;
    }
  | { type: "artifact.added"; contactId: string; channel: Channel; artifact: Artifact }
  | {
      type: "ticket.changed";
      ticketId: string;
      channel: Channel;
      status?: TicketStatus;
      assigneeId?: string | null;
      requesterId?: string;
    }
  | { type: "control.changed"; owner: ControlOwner; reason: string }
  | { type: "satisfaction.rated"; ticketId: string; rating: "good" | "bad" }
  | { type: "candidates.recorded"; candidates: CandidateThread[] }
  | {
      type: "slots.filled";
      contactId?: string;
      slots: Slots;
      source: "rules" | "model" | "human" | "order";
    }
  | { type: "workflow.started"; workflow: WorkflowId; version: number; reason: string }
  | {
      type: "workflow.step_completed";
      stepId: string;
      by: "ai" | "human" | "customer";
      outcome?: string;
    }
  | { type: "workflow.step_denied"; stepId: string; by: string; reason: string }
  | {
      type: "verification.requested";
      contactId: string;
      channel: Channel;
      /** Keyed hash of the code; the code itself is never stored. */
      codeHash: string;
      expiresAt: string;
      attempts: number;
    }
  | { type: "verification.failed"; contactId: string; reason: "wrong_code" | "expired" }
  /** A person asked for the customer to be verified: the agent sends a code on their channel. */
  | { type: "verification.wanted"; contactId: string; by: string }
  | { type: "risk.flagged"; flag: RiskFlagName; reason: string; contactId?: string }
  | {
      type: "agent.replied";
      contactId: string;
      channel: Channel;
      text: string;
      /** draft: shown in the sidebar; messaging / ticket_public: sent through the outbox. */
      delivery: "draft" | "messaging" | "ticket_public";
      purpose: "question" | "answer" | "verification" | "handoff" | "status";
      /** Slots the reply asks the customer for. */
      asks?: SlotName[];
      /** The Help Center article the reply answered from: people see what the AI relied on. */
      cites?: { articleId: string; title: string; url: string };
    }
  | {
      type: "agent.handed_off";
      code: HardStopCode | "needs_person";
      reason: string;
      /**
       * A handoff that found no person already on the thread writes its full note: on which
       * ticket, for which contact, and what it said, so a later change can be told as an update.
       */
      note?: { ticketId: string; contactId: string | null; claims: NoteClaims };
    }
  | { type: "agent.run_completed"; upTo: number; provider: string }
  /** A person corrected the handoff summary; `category` says what kind of change it was. */
  | { type: "summary.edited"; text: string; by: string; category: SummaryEditCategory }
  /** A person chose which customer a conflicted contact is. */
  | { type: "identity.resolved"; contactId: string; customerId: string; by: string }
  /**
   * A person said another thread is the same issue: its facts were copied in with keys under
   * `prefix` (`<id>@<version>/`), so linking again after an undo never collides with the first copy.
   */
  | { type: "thread.linked"; otherThreadId: string; by: string; prefix: string }
  /** Undo of a link: the copied facts stop counting (the log stays append-only). */
  | { type: "thread.unlinked"; otherThreadId: string; by: string }
  /** This thread now lives on inside another one; its tickets and sessions point there. */
  | { type: "thread.merged"; into: string; by: string }
  | { type: "thread.unmerged"; from: string; by: string }
  /** The rollout arm a new thread falls in: continuity on, or the control group. */
  | { type: "rollout.assigned"; arm: RolloutArm; randomised: boolean }
  /** The customer's tier as the order system reported it, for segmenting metrics. */
  | { type: "customer.profiled"; customerId: string; tier: string }
  /** Consent the customer gave or withheld on a contact; the newest answer per kind wins. */
  | { type: "consent.recorded"; contactId: string; recording?: boolean; dataUse?: boolean }
  | { type: "candidate.dismissed"; threadId: string; by: string }
  | { type: "candidate.restored"; threadId: string; by: string }
  /**
   * Someone attached to the thread's live session (domain/live-session.ts), or left it: who was
   * present when is part of the record. These facts change nothing in the thread's state.
   */
  | ({ type: "participant.joined" } & SessionAttendance)
  | ({ type: "participant.left" } & SessionAttendance)
  /**
   * Who holds the conversation changed hands in the live session (domain/transfer.ts): a person
   * took it from the AI (warm or cold), a supervisor took it from a person, or a person handed it
   * back. `request` is the requester's id for the transfer, so a redelivery is recorded once.
   */
  | {
      type: "control.transferred";
      to: ControlOwner;
      mode: TransferMode | null;
      by: Holder;
      from: Holder | null;
      request: string;
    }
  /** The AI agent joined or left the live session (its presence is part of the session). */
  | { type: "ai.joined"; reason: "handed_back" }
  | { type: "ai.left"; reason: "cold_transfer" | "first_message" }
);

/** How a person takes the conversation from the AI: with the AI still there, or without it. */
export const TRANSFER_MODES = ["warm", "cold"] as const;
export type TransferMode = (typeof TRANSFER_MODES)[number];

/** The person who holds a conversation: an agent, or a supervisor who took it over. */
export interface Holder {
  role: "agent" | "supervisor";
  /** The Zendesk user id. */
  participantId: string;
  /** The name the customer may be told ("Dana is joining"). */
  name: string;
}

/** Who is in a thread's live session, and on what. */
export const SESSION_ROLES = ["customer", "agent", "supervisor"] as const;
export type SessionRole = (typeof SESSION_ROLES)[number];

/** One connection to a live session: a participant on two devices attends twice. */
export interface SessionAttendance {
  role: SessionRole;
  /** The Zendesk user id of an agent or supervisor; a customer's contact id. */
  participantId: string;
  /** The channel and device, as the participant's client names it ("sidebar", "web chat on a phone"). */
  label: string;
  /** Names the connection, so its leaving matches its joining. */
  connection: string;
}

export type RolloutArm = "continuity" | "control";

export const SUMMARY_EDIT_CATEGORIES = [
  "wording",
  "added_detail",
  "removed_detail",
  "corrected_fact",
  "rewrite",
] as const;
export type SummaryEditCategory = (typeof SUMMARY_EDIT_CATEGORIES)[number];

export type RiskFlagName =
  | "identity_conflict"
  | "verification_failed"
  | "suspected_takeover"
  | "payment_dispute"
  | "regulated_advice"
  | "sensitive_change_unverified"
  | "tool_outage"
  | "prompt_injection";

export type ThreadEventType = ThreadEvent["type"];

/** A fact about who attended the live session, not about the customer's issue. */
export function isSessionFact(
  event: Pick<ThreadEvent, "type">,
): event is { type: "participant.joined" | "participant.left" } {
  return event.type === "participant.joined" || event.type === "participant.left";
}

function isReaction(group: string): boolean {
  return isReactionGroup(group);
}

type Ordered = { at: string; group: string; part: number; key: string; type?: string };

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Log order for projections: event time; at one instant a contact joins before anything else;
 * then delivery and position within it. Arrival order never matters.
 */
export function compareEvents(a: Ordered, b: Ordered): number {
  const joinedFirst = Number(b.type === "contact.joined") - Number(a.type === "contact.joined");
  // The agent's and people's facts react to what arrived: at one instant they come after it.
  const reactionsLast = Number(isReaction(a.group)) - Number(isReaction(b.group));
  return (
    Date.parse(a.at) - Date.parse(b.at) ||
    joinedFirst ||
    reactionsLast ||
    compareText(a.group, b.group) ||
    a.part - b.part ||
    compareText(a.key, b.key)
  );
}

/** Omit over each member of a union (the built-in Omit flattens the union first). */
export type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** A fact before the log gives it a key and a place. */
export type UnplacedEvent = DistributiveOmit<ThreadEvent, "key" | "group" | "part">;
