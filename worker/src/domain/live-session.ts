import { factBy, person } from "./actor";
import type { ControlOwner } from "./channel-event";
import type {
  Holder,
  SessionAttendance,
  SessionRole,
  ThreadEvent,
  TransferMode,
} from "./thread-events";
import type { ThreadState } from "./thread-state/state";
import { holdOf } from "./thread-state/control";
import { WEB_CHAT_SOURCE } from "./web-chat";

export { SESSION_ROLES, type SessionRole, type SessionAttendance } from "./thread-events";

/**
 * A thread's live session: whoever is attached to it now (the customer on a device, agents in
 * their sidebars, a supervisor watching) receives the thread's log from an offset and then each
 * fact as it is committed. Who is present is the session's own state; each arrival and departure
 * is also a fact in the log, so the record says who was there when.
 */

/** One attached connection, as the session keeps it. */
export interface Participant extends SessionAttendance {
  /** When this connection attached. */
  since: string;
}

/** What every participant is told about who else is there; the AI agent is one of them. */
export interface PresentParticipant {
  role: SessionRole | "ai";
  participantId: string;
  label: string;
  since: string;
}

/** Who has the conversation, as the session tells it with who is present. */
export interface SessionControl {
  owner: ControlOwner;
  /** The person who took it; null while the AI has it or nobody has claimed it yet. */
  holder: Holder | null;
  mode: TransferMode | null;
  /** In a warm transfer: the AI is still there, waiting for the holder's first message. */
  aiStaying: boolean;
  /** When the holder took it: how long the customer has waited for their first message. */
  heldSince: string | null;
}

/** Everything a session sends down a connection. */
export type SessionMessage =
  | { type: "event"; offset: number; recordedAt: string; event: ThreadEvent }
  | {
      type: "presence";
      participants: PresentParticipant[];
      /** Sent to agents and supervisors; a customer is told who is there, not who holds what. */
      control?: SessionControl;
    }
  /**
   * A customer now sees more of the thread (they proved who they are): what follows is their
   * conversation again from the start, earlier visits included, in the log's order.
   */
  | { type: "replay" };

/** The AI agent as a participant, while the thread's state says it is in the session. */
export const AI_PARTICIPANT = { role: "ai", participantId: "ai", label: "AI agent" } as const;

/**
 * The session's control and the AI's place in it, from the thread's state: kept in the log, so it
 * survives the object hibernating and a reattach sees it as it is.
 */
export function sessionControl(state: Pick<ThreadState, "session" | "control" | "openedAt">): {
  control: SessionControl;
  ai: PresentParticipant | null;
} {
  const hold = holdOf(state);
  return {
    control: {
      owner: state.control,
      holder: hold.holder,
      mode: hold.mode,
      aiStaying: hold.ai === "staying",
      heldSince: hold.holder ? (hold.heldSince ?? null) : null,
    },
    ai: hold.ai === "absent" ? null : { ...AI_PARTICIPANT, since: hold.aiSince ?? state.openedAt },
  };
}

/**
 * Who is present, earliest arrival first; the same order on every connection. One person on one
 * kind of client is listed once however many are open (an agent with three tickets of the thread
 * in tabs), and twice on two devices. The AI agent, while it is in the session, comes first.
 */
export function presence(
  attending: Participant[],
  ai: PresentParticipant | null = null,
): PresentParticipant[] {
  const listed = new Map<string, PresentParticipant>();
  if (ai) listed.set("ai", ai);
  const arrived = [...attending].sort(
    (a, b) => a.since.localeCompare(b.since) || a.connection.localeCompare(b.connection),
  );
  for (const { role, participantId, label, since } of arrived) {
    const who = JSON.stringify([role, participantId, label]);
    if (!listed.has(who)) listed.set(who, { role, participantId, label, since });
  }
  return [...listed.values()];
}

/**
 * The fact recording a connection's arrival or departure. Its key comes from the connection, so
 * recording it twice (a retried write) keeps one.
 */
export function attendanceFact(
  kind: "joined" | "left",
  who: SessionAttendance,
  at: string,
): ThreadEvent {
  const { role, participantId, label, connection } = who;
  return {
    type: kind === "joined" ? "participant.joined" : "participant.left",
    role,
    participantId,
    label,
    connection,
    key: `session:${connection}:${kind}`,
    group: `session:${connection}`,
    part: kind === "joined" ? 0 : 1,
    at,
  };
}

/** The actor of the audit entry for an arrival or departure: a person by their id. */
export function attendanceActor(who: Pick<SessionAttendance, "role" | "participantId">): string {
  return who.role === "customer" ? "system:live-session" : factBy(person(who.participantId));
}

/** Facts after which everyone is told again who is there and who has the conversation. */
export function changesPresence(event: Pick<ThreadEvent, "type">): boolean {
  return (
    event.type === "control.changed" ||
    event.type === "control.transferred" ||
    event.type === "ai.joined" ||
    event.type === "ai.left"
  );
}

/**
 * The conversations a customer attending as `contactId` sees: their own; and once they have
 * proved who they are on it (a one-time code, the tenant's login), also the thread's other
 * conversations on the web chat page where the customer proved it too — their visits from another
 * browser or device — so they pick up where they left off. Not a visit where someone only typed
 * their email (that may have been anyone), not another channel's contacts, not an unconfirmed
 * contact, and nothing before the proof: a link or a guess opens nothing.
 */
export function conversationsSeenBy(
  state: Pick<ThreadState, "contacts">,
  contactId: string,
): string[] {
  const own = state.contacts.find((c) => c.id === contactId);
  if (!own || own.resolution.level !== "high") return [contactId];
  const earlier = state.contacts.filter(
    (c) =>
      c.id !== contactId &&
      c.origin === WEB_CHAT_SOURCE &&
      !c.unconfirmed &&
      c.verifications.length > 0,
  );
  return [contactId, ...earlier.map((c) => c.id)];
}

/**
 * What a participant may see of the log. Agents and supervisors see all of it, as the sidebar
 * does. A customer sees only their own conversation (`seen`: `conversationsSeenBy`): what they
 * wrote and what was sent back to them, and who is there — never signals, drafts, notes, other
 * channels' contacts or the workflow's insides.
 */
export function visibleTo(
  who: Pick<SessionAttendance, "role" | "participantId">,
  event: ThreadEvent,
  seen: readonly string[] = [who.participantId],
) {
  if (who.role !== "customer") return true;
  switch (event.type) {
    case "message.received":
      return seen.includes(event.contactId) && event.public;
    case "agent.replied":
      return seen.includes(event.contactId) && event.delivery !== "draft";
    case "participant.joined":
    case "participant.left":
      return true;
    default:
      return false;
  }
}
