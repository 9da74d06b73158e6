import type { Channel } from "./channel-event";
import type { IdentityResolution } from "./identity-level";
import type {
  ContactState,
  ThreadState,
  TimelineEntry,
  UnconfirmedReason,
} from "./thread-state/state";
import { channelName } from "./thread-state/timeline";

/** How the reason reads to a person, after "Unconfirmed contact (web chat, …)". */
export const UNCONFIRMED_BECAUSE: Record<UnconfirmedReason, string> = {
  order_only: "only an order number matched",
  conflicting: "its details point at someone else",
};

/**
 * Judge one contact. `resolution` is what the thread made of the contact (after a contact that
 * resolves to someone other than the thread's customer was turned into a conflict), and
 * `threadCustomer` the customer the thread belongs to.
 *
 * - A person who chose the customer for the contact confirmed it.
 * - A contact none of whose order references belong to the customer is not judged here.
 * - In conflict: unconfirmed.
 * - Otherwise a verification that passed (even one since expired: it proved who the contact is),
 *   or any other kind of evidence pointing at the customer alone, confirms it. Evidence shared
 *   with another customer (a family email) is consistent but proves nothing, as for the level.
 */
export function unconfirmedReason(
  contact: Pick<ContactState, "signals" | "chosen">,
  resolution: IdentityResolution,
  threadCustomer: string | null,
): UnconfirmedReason | null {
  if (contact.chosen) return null;
  const customer = resolution.conflict ? threadCustomer : resolution.customerId;
  if (!customer) return null;
  const byOrder = contact.signals.some((s) => s.kind === "order" && s.owners.includes(customer));
  if (!byOrder) return null;
  if (resolution.conflict) return "conflicting";
  if (resolution.verification) return null;
  return resolution.support.some((kind) => kind !== "order") ? null : "order_only";
}

/** The reason a contact is unconfirmed, or null once it is confirmed (or was never in doubt). */
export function unconfirmedOf(contact: ContactState | undefined): UnconfirmedReason | null {
  return contact?.unconfirmed ?? null;
}

/** Whether the contact already gave something besides its order number that did not agree. */
export function triedASecondSignal(contact: Pick<ContactState, "signals">): boolean {
  return contact.signals.some((s) => s.kind !== "order");
}

/** "Unconfirmed contact (web chat, only an order number matched)". */
export function unconfirmedLabel(channel: Channel, reason: UnconfirmedReason): string {
  return `Unconfirmed contact (${channelName(channel)}, ${UNCONFIRMED_BECAUSE[reason]})`;
}

const CUSTOMER_SAID = "Customer: ";

/** A timeline entry as people are shown it: flagged, and never worded as the customer's. */
export type ShownEntry = TimelineEntry & { unconfirmed?: true };

/**
 * The thread's timeline as agents read it, in the sidebar and in handoff notes. Entries about a
 * contact that is unconfirmed now are flagged, and what it wrote is marked as an unconfirmed
 * contact's words, never "Customer: …". Decided when read, from the contact as it stands: once a
 * second signal agrees, the same words read as the customer's.
 */
export function shownTimeline(state: ThreadState): ShownEntry[] {
  const unconfirmed = new Map(
    state.contacts.flatMap((c) => (c.unconfirmed ? [[c.id, c] as const] : [])),
  );
  if (unconfirmed.size === 0) return state.timeline;
  return state.timeline.map((entry) => {
    const contact = entry.contactId ? unconfirmed.get(entry.contactId) : undefined;
    if (!contact?.unconfirmed) return entry;
    const label = unconfirmedLabel(entry.channel ?? contact.channel, contact.unconfirmed);
    switch (entry.kind) {
      case "message":
        return entry.text.startsWith(CUSTOMER_SAID)
          ? {
              ...entry,
              text: `${label}: ${entry.text.slice(CUSTOMER_SAID.length)}`,
              unconfirmed: true,
            }
          : { ...entry, unconfirmed: true };
      case "contact":
      case "channel_switch":
        // A stranger writing is not the customer moving to another channel.
        return { ...entry, kind: "contact", text: label, unconfirmed: true };
      case "artifact":
        return { ...entry, text: `${entry.text}, from an unconfirmed contact`, unconfirmed: true };
      default:
        return { ...entry, unconfirmed: true };
    }
  });
}

/** Whether a timeline entry, as stored, is something the customer wrote. */
export function isCustomerWords(entry: TimelineEntry): boolean {
  return entry.kind === "message" && entry.text.startsWith(CUSTOMER_SAID);
}
