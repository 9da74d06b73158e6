import { ApiError } from "../../lib/problem";
import type { AppRouteHandler } from "../../lib/types";
import { loadEvents, loadThread } from "../../store/threads";
import type { EventsRoute } from "./threads.routes";

export const events: AppRouteHandler<EventsRoute> = async (c) => {
  const { threadId } = c.req.valid("param");
  const { after, limit } = c.req.valid("query");
  const tenantId = c.get("tenant").config.id;
  const [thread, page] = await Promise.all([
    loadThread(c.env.DB, tenantId, threadId),
    loadEvents(c.env.DB, tenantId, threadId, after, limit),
  ]);
  if (!thread) throw new ApiError(404, "thread_not_found", `No thread ${threadId}`);
  return c.json(
    {
      threadId,
      events: page.map((e) => ({
        offset: e.offset,
        recordedAt: e.recordedAt,
        event: e.event as unknown as Record<string, unknown>,
      })),
      nextAfter: page.length > 0 ? page[page.length - 1]!.offset : after,
      head: thread.version,
    },
    200,
  );
};
