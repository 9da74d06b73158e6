import type { ThreadEvent } from "../thread-events";
import { upsertTicket } from "./records";
import type { ThreadState } from "./state";
import { newer, withTimeline } from "./timeline";

/** The thread's tickets: their status, assignee, requester and satisfaction rating. */
export type TicketEvent = Extract<ThreadEvent, { type: "ticket.changed" | "satisfaction.rated" }>;

export function applyTicketEvent(state: ThreadState, event: TicketEvent): ThreadState {
  switch (event.type) {
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
  }
}
