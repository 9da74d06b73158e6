import type { ThreadLink } from "../../domain/channel-event";
import { contextView, glimpseOf } from "../../domain/context-view";
import { ApiError } from "../../lib/problem";
import type { AppRouteHandler } from "../../lib/types";
import { noteStatuses } from "../../store/outbox";
import { findLinkedThreads, loadThreads } from "../../store/threads";

/** Candidates the sidebar describes; more than a handful is a list no agent reads. */
const MAX_GLIMPSES = 10;
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
  const candidateIds = found.state.candidates.map((c) => c.threadId).slice(0, MAX_GLIMPSES);
  const [notes, others] = await Promise.all([
    noteStatuses(db, tenantId, found.threadId),
    loadThreads(db, tenantId, candidateIds),
  ]);
  const glimpses = Object.fromEntries([...others].map(([id, state]) => [id, glimpseOf(state)]));
  return contextView(found.state, found.contactId, found.version, notes, glimpses);
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
