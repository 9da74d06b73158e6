import type { ThreadLink } from "../../domain/channel-event";
import { contextView } from "../../domain/context-view";
import { ApiError } from "../../lib/problem";
import type { AppRouteHandler } from "../../lib/types";
import { noteStatuses } from "../../store/outbox";
import { findLinkedThreads } from "../../store/threads";
import type { SessionContextRoute, TicketContextRoute } from "./context.routes";

async function contextFor(db: D1Database, tenantId: string, link: ThreadLink) {
  const [found] = await findLinkedThreads(db, tenantId, [link]);
  // Another tenant's ticket and an unknown ticket look the same from here: no thread.
  if (!found)
    throw new ApiError(
      404,
      "no_thread",
      `Continuity has no thread for ${link.kind} ${link.id} yet`,
    );
  const notes = await noteStatuses(db, tenantId, found.threadId);
  return contextView(found.state, found.contactId, found.version, notes);
}

export const ticketContext: AppRouteHandler<TicketContextRoute> = async (c) => {
  const view = await contextFor(c.env.DB, c.get("tenant").config.id, {
    kind: "ticket",
    id: c.req.valid("param").ticketId,
  });
  return c.json(view, 200);
};

export const sessionContext: AppRouteHandler<SessionContextRoute> = async (c) => {
  const view = await contextFor(c.env.DB, c.get("tenant").config.id, {
    kind: "session",
    id: c.req.valid("param").sessionId,
  });
  return c.json(view, 200);
};
