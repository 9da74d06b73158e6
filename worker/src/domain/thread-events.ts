import type {
  Artifact,
  Channel,
  ControlOwner,
  MessageAuthor,
  ThreadLink,
  TicketStatus,
} from "./channel-event";
import type { Signal } from "./identity-level";
import type { CandidateThread, StitchDecision } from "./stitching";

export type StitchSummary = { action: StitchDecision["action"]; reason: string };

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
  | { type: "candidates.recorded"; candidates: CandidateThread[] }
);

export type ThreadEventType = ThreadEvent["type"];

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
  return (
    Date.parse(a.at) - Date.parse(b.at) ||
    joinedFirst ||
    compareText(a.group, b.group) ||
    a.part - b.part ||
    compareText(a.key, b.key)
  );
}
