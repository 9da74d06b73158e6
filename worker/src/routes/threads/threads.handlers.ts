import { ApiError } from "../../lib/problem";
import type { AppRouteHandler } from "../../lib/types";
import {
  classifyWriteError,
  findLinkedThreads,
  loadEvents,
  loadThread,
  ThreadWrite,
} from "../../store/threads";
import type { ActRoute, EventsRoute, RetryNoteRoute } from "./threads.routes";
import { loadOutbox, requeueOutbox } from "../../store/outbox";
import { contextView } from "../../domain/context-view";
import { planAction } from "../../domain/thread-actions";
import type { ThreadEvent } from "../../domain/thread-events";
import { applyEvents } from "../../domain/thread-state";
import { requestAgentRun } from "../../store/agent-runs";
import { auditStatements } from "../../store/audit";

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

export const act: AppRouteHandler<ActRoute> = async (c) => {
  const { threadId } = c.req.valid("param");
  const body = c.req.valid("json");
  const tenant = c.get("tenant");
  const tenantId = tenant.config.id;
  const link = body.ticketId
    ? { kind: "ticket" as const, id: body.ticketId }
    : { kind: "session" as const, id: body.sessionId! };
  const [linked] = await findLinkedThreads(c.env.DB, tenantId, [link]);
  if (!linked || linked.threadId !== threadId)
    throw new ApiError(404, "not_on_thread", `${link.kind} ${link.id} is not on ${threadId}`);

  const stale = async () => {
    const current = await loadThread(c.env.DB, tenantId, threadId);
    const since = await loadEvents(c.env.DB, tenantId, threadId, body.expectedVersion, 50);
    const changes = since.map(({ event }) => describeFact(event));
    return c.json(
      {
        error: {
          code: "stale_version" as const,
          message: `The thread moved from version ${body.expectedVersion} to ${current?.version}: ${changes.slice(-3).join("; ")}`,
        },
        version: current?.version ?? 0,
        changes,
      },
      409,
    );
  };
  if (linked.version !== body.expectedVersion) return stale();

  const now = new Date().toISOString();
  const plan = planAction(
    linked.state,
    {
      action: body.action,
      contactId: linked.contactId,
      actor: body.actor,
      ...(body.reason && { reason: body.reason }),
      ...(body.method && { method: body.method }),
    },
    now,
  );
  if (!plan.ok) throw new ApiError(422, "action_not_permitted", plan.reason);
  const facts = plan.facts.map(
    (fact, i) =>
      ({
        ...fact,
        key: `human:${body.expectedVersion}#${i}`,
        group: `human:${body.expectedVersion}`,
        part: i,
      }) as ThreadEvent,
  );
  const next = applyEvents(linked.state, facts, tenant.config.policy);
  const version = body.expectedVersion + facts.length;
  const write = new ThreadWrite(c.env.DB, tenantId, now)
    .appendEvents(threadId, body.expectedVersion + 1, facts)
    .saveThread(next, version, body.expectedVersion)
    .add(
      ...auditStatements(c.env.DB, tenantId, [
        {
          at: now,
          actor: `human:${body.actor}`,
          action: `thread.${body.action}`,
          threadId,
          data: { reason: body.reason ?? null, version },
        },
      ]),
    );
  if (plan.wantsAgentRun) write.add(requestAgentRun(c.env.DB, tenantId, threadId, version, now));
  try {
    await write.commit();
  } catch (error) {
    if (classifyWriteError(error) === "other") throw error;
    return stale();
  }
  if (plan.wantsAgentRun)
    await c.env.AGENT_QUEUE.send({ v: 1, tenantId, threadId, upTo: version }).catch(
      () => undefined,
    );
  return c.json(contextView(next, linked.contactId, version), 200);
};

/** One line per fact, for "what changed" after a stale write. */
function describeFact(event: ThreadEvent): string {
  switch (event.type) {
    case "message.received":
      return `${event.author} wrote on ${event.channel}`;
    case "workflow.step_completed":
      return `step ${event.stepId} done by ${event.by}`;
    case "workflow.step_denied":
      return `step ${event.stepId} denied`;
    case "control.changed":
      return `control went to ${event.owner === "ai" ? "the AI agent" : "a person"}`;
    case "agent.replied":
      return "the AI agent replied";
    case "verification.passed":
      return "the customer was verified";
    default:
      return event.type.replace(".", " ");
  }
}

export const retryNote: AppRouteHandler<RetryNoteRoute> = async (c) => {
  const { threadId, noteId } = c.req.valid("param");
  const tenantId = c.get("tenant").config.id;
  const row = await loadOutbox(c.env.DB, tenantId, noteId);
  if (!row || row.threadId !== threadId || row.status !== "failed")
    throw new ApiError(404, "not_failed", "No failed note with this id on this thread");
  await requeueOutbox(c.env.DB, tenantId, noteId, new Date().toISOString());
  await c.env.OUTBOX_QUEUE.send({ v: 1, tenantId, id: noteId });
  return c.json({ retrying: true as const }, 202);
};
