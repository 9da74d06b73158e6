import type { Channel } from "./channel-event";
import { levelRank, type IdentityLevel } from "./identity-level";
import type { WorkflowId } from "./intent";
import type { NoteClaims, RiskFlagName, ThreadEvent } from "./thread-events";
import type {
  ContactState,
  HandoffNote,
  ThreadState,
  UnconfirmedReason,
} from "./thread-state/state";
import { workflowView } from "./workflow-view";

/** A change since the full note that makes part of it wrong: told once, as an update. */
export type MaterialChange = { id: string } & (
  | { kind: "level"; contactChannel: Channel | null; level: IdentityLevel; was: IdentityLevel }
  | { kind: "confirmed"; contactChannel: Channel | null; level: IdentityLevel }
  | { kind: "verified"; method: string; channel: Channel; until: string }
  | { kind: "workflow"; workflow: WorkflowId; outcome: "done" | "denied"; reason: string | null }
  | { kind: "with_ai" }
  | {
      kind: "risk";
      flag: RiskFlagName;
      reason: string;
      raisedBy: { channel: Channel; unconfirmed: UnconfirmedReason } | null;
    }
);

export type OwedNote =
  | { kind: "full"; ticketId: string; contactId: string | null }
  | { kind: "pointer"; ticketId: string; handoff: string; fullNoteOn: string; why: string }
  | { kind: "update"; ticketId: string; handoff: string; change: MaterialChange };

const customerContacts = (state: ThreadState) => state.contacts.filter((c) => !c.unconfirmed);

function bestLevel(state: ThreadState): IdentityLevel {
  return customerContacts(state)
    .map((c) => c.resolution.level)
    .reduce<IdentityLevel>((best, l) => (levelRank(l) > levelRank(best) ? l : best), "unknown");
}

/** The newest verification one of the customer's own contacts still holds. */
function verificationHeld(state: ThreadState) {
  return customerContacts(state)
    .flatMap((c) =>
      c.resolution.verification && !c.resolution.verification.expired
        ? [{ contact: c, ...c.resolution.verification }]
        : [],
    )
    .reduce<
      | (NonNullable<ContactState["resolution"]["verification"]> & {
          contact: ContactState;
        })
      | null
    >((newest, v) => (!newest || v.passedAt > newest.passedAt ? v : newest), null);
}

function workflowOutcome(state: ThreadState): NoteClaims["workflow"] {
  if (!state.workflow) return null;
  if (state.workflow.denied) return { id: state.workflow.id, outcome: "denied" };
  const view = workflowView(state.workflow, state.slots, bestLevel(state), state.control);
  return { id: state.workflow.id, outcome: view.status === "done" ? "done" : "open" };
}

/** The contact a note is for, as `buildHandoff` picks it. */
const noteContact = (state: ThreadState, contactId: string | null) =>
  state.contacts.find((c) => c.id === contactId) ?? state.contacts.at(-1);

/** What a full note written now, for `contactId`, tells its reader. */
export function claimsOf(state: ThreadState, contactId: string | null): NoteClaims {
  const contact = noteContact(state, contactId);
  return {
    level: contact?.resolution.level ?? "unknown",
    unconfirmed: Boolean(contact?.unconfirmed),
    verified: verificationHeld(state) !== null,
    workflow: workflowOutcome(state),
    control: state.control,
    risks: [...new Set(state.riskFlags.map((f) => f.flag))].sort(),
  };
}

/**
 * What has changed since a full note that a person would act on differently: its contact's
 * identity rose or was confirmed, the customer passed a verification, the workflow it named
 * ended (done or denied), the conversation a person had is back with the AI agent, or a risk it
 * did not list was raised. Anything else (a step moving on, another message, a new contact at a lower level) is
 * in the ticket and the sidebar already and is not worth a note. Each change has an id that
 * stays the same while the change stands, so it is told once.
 */
export function materialChanges(note: HandoffNote, state: ThreadState): MaterialChange[] {
  const { claims } = note;
  const changes: MaterialChange[] = [];
  const contact = state.contacts.find((c) => c.id === note.contactId);
  const verification = claims.verified ? null : verificationHeld(state);
  if (verification)
    changes.push({
      id: `verified@${verification.passedAt}`,
      kind: "verified",
      method: verification.method,
      channel: verification.contact.channel,
      until: verification.expiresAt,
    });
  const level = contact?.resolution.level;
  const confirmed = claims.unconfirmed && contact !== undefined && !contact.unconfirmed;
  if (confirmed)
    changes.push({
      id: "confirmed",
      kind: "confirmed",
      contactChannel: contact.channel,
      level: contact.resolution.level,
    });
  // A verification or a confirmation already says how far the contact's identity got.
  const saidByVerification = verification?.contact.id === contact?.id && level === "high";
  if (level && levelRank(level) > levelRank(claims.level) && !confirmed && !saidByVerification)
    changes.push({
      id: `level:${level}`,
      kind: "level",
      contactChannel: contact?.channel ?? null,
      level,
      was: claims.level,
    });
  const outcome = workflowOutcome(state);
  if (
    claims.workflow?.outcome === "open" &&
    outcome &&
    outcome.id === claims.workflow.id &&
    outcome.outcome !== "open"
  )
    changes.push({
      id: `workflow:${outcome.outcome}`,
      kind: "workflow",
      workflow: outcome.id,
      outcome: outcome.outcome,
      reason: outcome.outcome === "denied" ? (state.workflow?.denied?.reason ?? null) : null,
    });
  if (claims.control === "human" && state.control === "ai")
    changes.push({ id: "with_ai", kind: "with_ai" });
  const listed = new Set<string>(claims.risks);
  for (const flag of state.riskFlags) {
    if (listed.has(flag.flag)) continue;
    listed.add(flag.flag);
    const by = state.contacts.find((c) => c.id === flag.contactId);
    changes.push({
      id: `risk:${flag.flag}`,
      kind: "risk",
      flag: flag.flag,
      reason: flag.reason,
      raisedBy: by?.unconfirmed ? { channel: by.channel, unconfirmed: by.unconfirmed } : null,
    });
  }
  return changes;
}

const isOpen = (status: string | null) => status !== "solved" && status !== "closed";

/**
 * The ticket a handoff's full note goes on: the ticket of the contact that was handed off,
 * where the person will answer; for a contact without a ticket of its own (a messaging
 * conversation, a call), the thread's newest open ticket, or failing that its newest ticket that
 * is not closed (Zendesk takes no comment on a closed ticket).
 */
export function handoffTicket(state: ThreadState, contactId: string | null): string | null {
  const own = state.contacts
    .find((c) => c.id === contactId)
    ?.links.find((l) => l.kind === "ticket")?.id;
  return (
    own ??
    state.tickets.filter((t) => isOpen(t.status)).at(-1)?.id ??
    state.tickets.filter((t) => t.status !== "closed").at(-1)?.id ??
    null
  );
}

/**
 * A run's facts with its handoff marked as the one that writes the full note, when no person
 * was already on the thread: the ticket it goes on and what it says, read from the thread as the
 * run leaves it. A handoff while another stands adds nothing of its own; what it changes (a new
 * hard stop, a risk) reaches the person as an update.
 */
export function withHandoffNote(
  facts: ThreadEvent[],
  before: ThreadState,
  after: ThreadState,
  contactId: string | null,
): ThreadEvent[] {
  if (before.agent.handoff) return facts;
  const ticketId = handoffTicket(after, contactId);
  if (!ticketId) return facts;
  return facts.map((f) =>
    f.type === "agent.handed_off"
      ? { ...f, note: { ticketId, contactId, claims: claimsOf(after, contactId) } }
      : f,
  );
}

const words = (text: string) => text.replace(/_/g, " ");

/** Why the thread is with a person, in a few words. */
function whyAPerson(state: ThreadState): string {
  const handoff = state.agent.handoff;
  if (!handoff) return "a person has the conversation";
  return handoff.code === "needs_person" ? handoff.reason : words(handoff.code);
}

const pointer = (state: ThreadState, ticketId: string, full: HandoffNote): OwedNote => ({
  kind: "pointer",
  ticketId,
  handoff: full.handoff,
  fullNoteOn: full.ticketId,
  why: whyAPerson(state),
});

/**
 * What tickets that join a thread are owed: while a person has the thread, a pointer to the full
 * note; if its handoff wrote none (it found no ticket), the full note itself, as the first place
 * a person can read it. Before any handoff, nothing: the sidebar tells the story and no person is
 * needed yet.
 */
export function notesForJoiningTickets(after: ThreadState, joining: string[]): OwedNote[] {
  if (excluded(after) || after.agent.handoff === null) return [];
  const note = after.handoffNote;
  if (note) return joining.filter((t) => t !== note.ticketId).map((t) => pointer(after, t, note));
  return joining.map((ticketId) => ({
    kind: "full" as const,
    ticketId,
    contactId:
      after.contacts.find((c) => c.links.some((l) => l.kind === "ticket" && l.id === ticketId))
        ?.id ?? null,
  }));
}

// The control group of a rollout works as if Continuity were not there; a thread linked into
// another lives on there.
const excluded = (state: ThreadState) =>
  state.rollout?.arm === "control" || state.mergedInto !== null;

/**
 * The notes a write owes the thread's tickets, from the thread before and after it. A handoff
 * that writes a full note puts it on its own ticket and a pointer to it on every other open
 * ticket; tickets that join later are owed what `notesForJoiningTickets` says. Once the full note
 * is written, each material change is told on its ticket, once: the change is owed by the write
 * that brought it about, not by every write while it stands.
 */
export function notesOwed(before: ThreadState | null, after: ThreadState): OwedNote[] {
  if (excluded(after)) return [];
  const note = after.handoffNote;
  const earlier = before?.handoffNote;
  if (note && note.handoff !== earlier?.handoff)
    return [
      { kind: "full", ticketId: note.ticketId, contactId: note.contactId },
      ...after.tickets
        .filter((t) => t.id !== note.ticketId && isOpen(t.status))
        .map((t) => pointer(after, t.id, note)),
    ];
  const joining = after.tickets
    .filter((t) => !before?.tickets.some((b) => b.id === t.id))
    .map((t) => t.id);
  const owed = notesForJoiningTickets(after, joining);
  if (note && before) {
    const holder = after.tickets.find((t) => t.id === note.ticketId);
    if (holder?.status !== "closed") {
      const told = new Set(materialChanges(note, before).map((c) => c.id));
      owed.push(
        ...materialChanges(note, after)
          .filter((c) => !told.has(c.id))
          .map((change) => ({
            kind: "update" as const,
            ticketId: note.ticketId,
            handoff: note.handoff,
            change,
          })),
      );
    }
  }
  return owed;
}
