import type { Channel } from "../channel-event";
import { unconfirmedReason } from "../contact-confirmation";
import { resolveIdentity, type IdentityPolicy, type IdentityResolution } from "../identity-level";
import { mergeSlots, type Slots } from "../slots";
import { latest } from "../time";
import type { ContactState, ThreadState, TicketState } from "./state";
import { raise } from "./timeline";

// Contacts and tickets as records on the thread, shared by the appliers of several concerns.

function conflictText(resolution: IdentityResolution): string {
  const signals = resolution.conflict?.signals ?? [];
  const parts = signals.map((s) => `${s.kind} ${s.masked} → ${s.owners.join(", ")}`);
  return resolution.conflict?.reason === "shared_identifier"
    ? `Shared identifier: ${parts.join("; ")}`
    : `Signals disagree: ${parts.join("; ")}`;
}

/**
 * Re-judge a contact after its evidence changed. A contact that resolves to someone other than
 * the thread's customer is a conflict on this thread: the thread never takes a second customer.
 */
export function rejudge(
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
export function withheldOr(state: ThreadState, contactId: string, slots: Slots): ThreadState {
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

export function newContact(
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
export function updateContact(
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

export function upsertTicket(state: ThreadState, id: string, channel: Channel): ThreadState {
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
