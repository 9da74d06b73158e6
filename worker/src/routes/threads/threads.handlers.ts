import { outboxMessage } from "../../delivery/outbox-message";
import type { Context } from "hono";
import { ApiError } from "../../lib/problem";
import type { AppBindings, AppRouteHandler } from "../../lib/types";
import { findLinkedThreads, loadEvents, loadThread, type LinkedThread } from "../../store/threads";
import type {
  ActRoute,
  AuditRoute,
  EditSummaryRoute,
  EventsRoute,
  RetryNoteRoute,
} from "./threads.routes";
import { loadOutbox, noteStatuses, requeueOutbox } from "../../store/outbox";
import { noteRowsOwed } from "../../delivery/notes";
import { contextView } from "../../domain/context-view";
import { buildHandoff } from "../../domain/handoff";
import { classifyEdit, summaryOf } from "../../domain/summary";
import { planAction, type ThreadAction } from "../../domain/thread-actions";
import { isSessionFact, type ThreadEvent, type UnplacedEvent } from "../../domain/thread-events";
import { auditNdjson, readAudit } from "../../store/audit";
import { auditActor, factBy, person, reactionGroup, type Actor } from "../../domain/actor";
import { commitChange } from "../../threads/commit";
import { dispatch } from "../../threads/dispatch";
import { releaseOwed } from "../../threads/live-conversation";
import { stateAfter } from "../../threads/state-after";
import { auditTrail } from "../../domain/audit-trail";
import { describeFact } from "./fact-descriptions";
import { linkThreads, unlinkThreads } from "./thread-links";

type AppContext = Context<AppBindings>;

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

interface Viewer {
  ticketId?: string | undefined;
  sessionId?: string | undefined;
}

/** The thread as the person sees it from their ticket or session; 404 unless it is on `threadId`. */
export async function viewerThread(
  c: AppContext,
  threadId: string,
  viewer: Viewer,
): Promise<LinkedThread> {
  const link = viewer.ticketId
    ? { kind: "ticket" as const, id: viewer.ticketId }
    : { kind: "session" as const, id: viewer.sessionId! };
  const [linked] = await findLinkedThreads(c.env.DB, c.get("tenant").config.id, [link]);
  if (!linked || linked.threadId !== threadId)
    throw new ApiError(404, "not_on_thread", `${link.kind} ${link.id} is not on ${threadId}`);
  return linked;
}

/** 409 with what happened since the version the person acted on. */
export async function staleAnswer(c: AppContext, threadId: string, expectedVersion: number) {
  const tenantId = c.get("tenant").config.id;
  const current = await loadThread(c.env.DB, tenantId, threadId);
  const since = await loadEvents(c.env.DB, tenantId, threadId, expectedVersion, 50);
  const changes = since.map(({ event }) => describeFact(event));
  return c.json(
    {
      error: {
        code: "stale_version" as const,
        message: `The thread moved from version ${expectedVersion} to ${current?.version}: ${changes.slice(-3).join("; ")}`,
      },
      version: current?.version ?? 0,
      changes,
    },
    409,
  );
}

/** How far apart a person's view and the thread may be for coming and going alone to be read. */
const PRESENCE_SLACK = 100;

/**
 * The version a person's write applies at: the one they saw, or the thread's own when all that
 * happened since is participants coming and going in its live session, which changes nothing
 * they saw. Null when the thread really moved.
 */
export async function versionToActOn(
  c: AppContext,
  linked: LinkedThread,
  expected: number,
): Promise<number | null> {
  if (linked.version === expected) return expected;
  const gap = linked.version - expected;
  if (gap < 0 || gap > PRESENCE_SLACK) return null;
  const since = await loadEvents(
    c.env.DB,
    c.get("tenant").config.id,
    linked.threadId,
    expected,
    gap,
  );
  return since.length === gap && since.every(({ event }) => isSessionFact(event))
    ? linked.version
    : null;
}

/** Append a person's facts to one thread at the version they saw, with an audit entry. */
async function commitFacts(
  c: AppContext,
  linked: LinkedThread,
  expectedVersion: number,
  facts: UnplacedEvent[],
  audit: { actor: Actor; action: string; data: Record<string, unknown> },
  wantsAgentRun: boolean,
) {
  const tenant = c.get("tenant");
  const tenantId = tenant.config.id;
  const now = new Date().toISOString();
  const group = reactionGroup(person(), expectedVersion);
  const placed = facts.map(
    (fact, i) => ({ ...fact, key: `${group}#${i}`, group, part: i }) as ThreadEvent,
  );
  const read = { state: linked.state, version: expectedVersion };
  const next = await stateAfter(
    c.env.DB,
    tenantId,
    linked.threadId,
    read,
    tenant.config.policy,
    linked.state.openedAt,
  )(placed);
  const version = expectedVersion + placed.length;
  const actor = auditActor(audit.actor);
  const outcome = await commitChange(c.env.DB, tenantId, {
    at: now,
    parts: [{ read, facts: placed, state: next }],
    audit: [
      {
        at: now,
        actor,
        action: audit.action,
        threadId: linked.threadId,
        data: { ...audit.data, version },
      },
      ...auditTrail(linked.state, next, placed, now, actor),
    ],
    // A person's action can make the full note wrong (a denial, a verification, control back with
    // the AI): the update goes in the same batch.
    outbox: [
      ...(await noteRowsOwed(c.env, tenant.config, linked.state, next)),
      ...(await releaseOwed(c.env, tenant.config, linked.state, next, version)),
    ],
    agentRunUpTo: wantsAgentRun ? version : null,
  });
  if (outcome.kind !== "committed") return staleAnswer(c, linked.threadId, expectedVersion);
  await dispatch(c.env, outcome.dispatch);
  const notes = await noteStatuses(c.env.DB, tenantId, linked.threadId);
  return c.json(contextView(next, linked.contactId, version, notes), 200);
}

const LINK_ACTIONS: ThreadAction[] = ["link_thread", "unlink_thread"];

export const act: AppRouteHandler<ActRoute> = async (c) => {
  const { threadId } = c.req.valid("param");
  const body = c.req.valid("json");
  const linked = await viewerThread(c, threadId, body);
  const version = await versionToActOn(c, linked, body.expectedVersion);
  if (version === null) return staleAnswer(c, threadId, body.expectedVersion);

  if (LINK_ACTIONS.includes(body.action)) {
    if (!body.otherThreadId)
      throw new ApiError(422, "action_not_permitted", "Say which thread (otherThreadId).");
    const run = body.action === "link_thread" ? linkThreads : unlinkThreads;
    const outcome = await run(c, linked, body.otherThreadId, person(body.actor));
    if (outcome.kind === "refused") throw new ApiError(422, "action_not_permitted", outcome.reason);
    if (outcome.kind === "stale") return staleAnswer(c, threadId, body.expectedVersion);
    return c.json(outcome.view, 200);
  }

  const plan = planAction(
    linked.state,
    {
      action: body.action,
      contactId: linked.contactId,
      actor: body.actor,
      ...(body.reason && { reason: body.reason }),
      ...(body.method && { method: body.method }),
      ...(body.customerId && { customerId: body.customerId }),
      ...(body.otherThreadId && { otherThreadId: body.otherThreadId }),
    },
    new Date().toISOString(),
  );
  if (!plan.ok) throw new ApiError(422, "action_not_permitted", plan.reason);
  return commitFacts(
    c,
    linked,
    version,
    plan.facts,
    {
      actor: person(body.actor),
      action: `thread.${body.action}`,
      data: {
        reason: body.reason ?? null,
        ...(body.otherThreadId && { otherThreadId: body.otherThreadId }),
        ...(body.customerId && { customerId: body.customerId }),
      },
    },
    plan.wantsAgentRun,
  );
};

export const editSummary: AppRouteHandler<EditSummaryRoute> = async (c) => {
  const { threadId } = c.req.valid("param");
  const body = c.req.valid("json");
  const linked = await viewerThread(c, threadId, body);
  const version = await versionToActOn(c, linked, body.expectedVersion);
  if (version === null) return staleAnswer(c, threadId, body.expectedVersion);
  const shown = summaryOf(linked.state, buildHandoff(linked.state, linked.contactId));
  if (shown.text.trim() === body.text)
    throw new ApiError(422, "unchanged", "The summary is the same as before: nothing to keep.");
  // Judged against the text the person had in front of them.
  const category = classifyEdit(shown.text, body.text);
  return commitFacts(
    c,
    linked,
    version,
    [
      {
        type: "summary.edited",
        at: new Date().toISOString(),
        text: body.text,
        by: factBy(person(body.actor)),
        category,
      },
    ],
    { actor: person(body.actor), action: "thread.summary_edited", data: { category } },
    false,
  );
};

export const audit: AppRouteHandler<AuditRoute> = async (c) => {
  const { threadId } = c.req.valid("param");
  const { after, limit, format } = c.req.valid("query");
  const tenantId = c.get("tenant").config.id;
  if (!(await loadThread(c.env.DB, tenantId, threadId)))
    throw new ApiError(404, "thread_not_found", `No thread ${threadId}`);
  if (format === "ndjson")
    return c.body(auditNdjson(c.env.DB, tenantId, { threadId }), 200, {
      "content-type": "application/x-ndjson",
    }) as never;
  const events = await readAudit(c.env.DB, tenantId, { threadId, after, limit });
  return c.json({ threadId, events }, 200);
};

export const retryNote: AppRouteHandler<RetryNoteRoute> = async (c) => {
  const { threadId, noteId } = c.req.valid("param");
  const tenantId = c.get("tenant").config.id;
  const row = await loadOutbox(c.env.DB, tenantId, noteId);
  if (!row || row.threadId !== threadId || row.status !== "failed")
    throw new ApiError(404, "not_failed", "No failed note with this id on this thread");
  await requeueOutbox(c.env.DB, tenantId, noteId, new Date().toISOString());
  await c.env.OUTBOX_QUEUE.send(outboxMessage(tenantId, noteId));
  return c.json({ retrying: true as const }, 202);
};
