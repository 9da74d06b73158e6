import type { ThreadEvent } from "../thread-events";
import { upsertTicket } from "./records";
import type { ThreadState } from "./state";
import { newer, withTimeline } from "./timeline";

/** The thread's tickets: their status, assignee, requester and satisfaction rating. */
export type TicketEvent = Extract<ThreadEvent, { type: "ticket.changed" | "satisfaction.rated" }>;

type Ticket = ThreadState["tickets"][number];

/**
 * One field of a ticket, the newest event time winning: the ticket with the field set, or null
 * when the event is older than the field's last change or changes nothing.
 */
function newestWins<K extends "status" | "assigneeId" | "requesterId">(
  ticket: Ticket,
  field: K,
  changedAt: "statusAt" | "assigneeAt" | "requesterAt",
  value: Ticket[K] | undefined,
  at: string,
): Ticket | null {
  if (value === undefined || !newer(ticket[changedAt], at) || value === ticket[field]) return null;
  return { ...ticket, [field]: value, [changedAt]: at };
}

export function applyTicketEvent(state: ThreadState, event: TicketEvent): ThreadState {
  switch (event.type) {
    case "ticket.changed": {
      const withTicket = upsertTicket(state, event.ticketId, event.channel);
      const notes: string[] = [];
      // Zendesk does not order events within a sequence: the newest event time wins per field.
      const tickets = withTicket.tickets.map((t) => {
        if (t.id !== event.ticketId) return t;
        const status = newestWins(t, "status", "statusAt", event.status, event.at);
        if (status) notes.push(`status ${event.status}`);
        const next = status ?? t;
        const assigned = newestWins(next, "assigneeId", "assigneeAt", event.assigneeId, event.at);
        if (assigned)
          notes.push(event.assigneeId ? `assigned to agent ${event.assigneeId}` : "unassigned");
        const after = assigned ?? next;
        return (
          newestWins(after, "requesterId", "requesterAt", event.requesterId, event.at) ?? after
        );
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
  }
}
