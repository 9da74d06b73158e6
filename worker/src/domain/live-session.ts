import { factBy, person } from "./actor";
import type { SessionAttendance, SessionRole, ThreadEvent } from "./thread-events";

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

/** What every participant is told about who else is there. */
export interface PresentParticipant {
  role: SessionRole;
  participantId: string;
  label: string;
  since: string;
}

/** Everything a session sends down a connection. */
export type SessionMessage =
  | { type: "event"; offset: number; recordedAt: string; event: ThreadEvent }
  | { type: "presence"; participants: PresentParticipant[] };

/**
 * Who is present, earliest arrival first; the same order on every connection. One person on one
 * kind of client is listed once however many are open (an agent with three tickets of the thread
 * in tabs), and twice on two devices.
 */
export function presence(attending: Participant[]): PresentParticipant[] {
  const listed = new Map<string, PresentParticipant>();
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

/**
 * What a participant may see of the log. Agents and supervisors see all of it, as the sidebar
 * does. A customer sees only their own conversation: what they wrote and what was sent back to
 * them, and who is there — never signals, drafts, notes, other contacts or the workflow's insides.
 */
export function visibleTo(
  who: Pick<SessionAttendance, "role" | "participantId">,
  event: ThreadEvent,
) {
  if (who.role !== "customer") return true;
  switch (event.type) {
    case "message.received":
      return event.contactId === who.participantId && event.public;
    case "agent.replied":
      return event.contactId === who.participantId && event.delivery !== "draft";
    case "participant.joined":
    case "participant.left":
      return true;
    default:
      return false;
  }
}
