import type { Context } from "hono";
import { contextView, type ContextView } from "../../domain/context-view";
import { planLink, planUnlink, LINK_EVENT_LIMIT, type LinkSide } from "../../domain/thread-linking";
import type { ThreadState } from "../../domain/thread-state";
import type { ThreadEvent } from "../../domain/thread-events";
import { noteRowsFor, type OutboxRowInput } from "../../delivery/notes";
import { notesForJoiningTickets } from "../../domain/handoff-notes";
import type { AppBindings } from "../../lib/types";
import { noteStatuses } from "../../store/outbox";
import { loadEvents, loadThread, repointLinks, type LinkedThread } from "../../store/threads";
import { auditActor, factBy, type Actor } from "../../domain/actor";
import { commitChange } from "../../threads/commit";
import { dispatch } from "../../threads/dispatch";

type AppContext = Context<AppBindings>;

export type LinkOutcome =
  { kind: "done"; view: ContextView } | { kind: "refused"; reason: string } | { kind: "stale" };

async function wholeLog(c: AppContext, threadId: string) {
  const tenantId = c.get("tenant").config.id;
  const events = [];
  let after = 0;
  for (;;) {
    const page = await loadEvents(c.env.DB, tenantId, threadId, after, 1000);
    events.push(...page.map((e) => e.event));
    if (page.length < 1000 || events.length > LINK_EVENT_LIMIT) return events;
    after = page[page.length - 1]!.offset;
  }
}

async function side(
  c: AppContext,
  threadId: string,
  known?: { state: ThreadState; version: number },
): Promise<LinkSide | null> {
  const stored = known ?? (await loadThread(c.env.DB, c.get("tenant").config.id, threadId));
  if (!stored) return null;
  return { state: stored.state, version: stored.version, events: await wholeLog(c, threadId) };
}

function repoint(
  c: AppContext,
  from: string,
  to: string,
  contactIds: string[] | null,
): D1PreparedStatement {
  return repointLinks(c.env.DB, c.get("tenant").config.id, from, to, contactIds);
}

/** Tickets that changed threads are owed what any ticket joining a thread is. */
function notesForMovedTickets(
  c: AppContext,
  moved: ThreadState,
  into: ThreadState,
): Promise<OutboxRowInput[]> {
  const owed = notesForJoiningTickets(
    into,
    moved.tickets.map((t) => t.id),
  );
  return noteRowsFor(c.env, c.get("tenant").config, into, owed);
}

/** Both threads' facts and states in one change, each guarded by the version it was read at. */
async function commitBoth(
  c: AppContext,
  now: string,
  sides: { survivor: LinkSide; absorbed: LinkSide },
  plan: {
    survivorFacts: ThreadEvent[];
    absorbedFacts: ThreadEvent[];
    survivorState: ThreadState;
    absorbedState: ThreadState;
  },
  audit: { actor: Actor; action: string; data: Record<string, unknown> },
  more: { repoint: D1PreparedStatement; notes: OutboxRowInput[] },
): Promise<boolean> {
  const tenantId = c.get("tenant").config.id;
  const { survivor, absorbed } = sides;
  const outcome = await commitChange(c.env.DB, tenantId, {
    at: now,
    parts: [
      { read: survivor, facts: plan.survivorFacts, state: plan.survivorState },
      { read: absorbed, facts: plan.absorbedFacts, state: plan.absorbedState },
    ],
    alongside: [more.repoint],
    audit: [
      {
        at: now,
        actor: auditActor(audit.actor),
        action: audit.action,
        threadId: survivor.state.id,
        data: { absorbed: absorbed.state.id, ...audit.data },
      },
    ],
    outbox: more.notes,
  });
  if (outcome.kind !== "committed") return false;
  await dispatch(c.env, outcome.dispatch);
  return true;
}

/** The thread the person is on and the other one, or null when either is gone. */
async function bothSides(c: AppContext, viewer: LinkedThread, otherThreadId: string) {
  const [mine, other] = await Promise.all([
    side(c, viewer.threadId, viewer),
    side(c, otherThreadId),
  ]);
  return mine && other ? { mine, other } : null;
}

/** A person says the thread they are on and `otherThreadId` are one issue. */
export async function linkThreads(
  c: AppContext,
  viewer: LinkedThread,
  otherThreadId: string,
  actor: Actor,
): Promise<LinkOutcome> {
  const tenant = c.get("tenant").config;
  const pair = await bothSides(c, viewer, otherThreadId);
  if (!pair) return { kind: "refused", reason: `No thread ${otherThreadId}.` };
  const now = new Date().toISOString();
  const plan = planLink(pair.mine, pair.other, factBy(actor), now, tenant.policy);
  if (!plan.ok) return { kind: "refused", reason: plan.reason };
  const { survivor, absorbed } = plan;
  const version = survivor.version + plan.survivorFacts.length;
  const notes = await notesForMovedTickets(c, absorbed.state, plan.survivorState);
  const committed = await commitBoth(
    c,
    now,
    plan,
    plan,
    {
      actor,
      action: "thread.link_thread",
      data: { copied: plan.survivorFacts.length - 2, version },
    },
    { repoint: repoint(c, absorbed.state.id, survivor.state.id, null), notes },
  );
  if (!committed) return { kind: "stale" };
  const statuses = await noteStatuses(c.env.DB, tenant.id, survivor.state.id);
  return {
    kind: "done",
    view: contextView(plan.survivorState, viewer.contactId, version, statuses),
  };
}

/** Undo a link: `otherThreadId` stands alone again with its own tickets and sessions. */
export async function unlinkThreads(
  c: AppContext,
  viewer: LinkedThread,
  otherThreadId: string,
  actor: Actor,
): Promise<LinkOutcome> {
  const tenant = c.get("tenant").config;
  const pair = await bothSides(c, viewer, otherThreadId);
  if (!pair) return { kind: "refused", reason: `No thread ${otherThreadId}.` };
  const { mine: survivor, other: absorbed } = pair;
  const now = new Date().toISOString();
  const plan = planUnlink(survivor, absorbed, factBy(actor), now, tenant.policy);
  if (!plan.ok) return { kind: "refused", reason: plan.reason };
  const survivorVersion = survivor.version + plan.survivorFacts.length;
  const absorbedVersion = absorbed.version + plan.absorbedFacts.length;
  const committed = await commitBoth(
    c,
    now,
    { survivor, absorbed },
    plan,
    { actor, action: "thread.unlink_thread", data: { version: survivorVersion } },
    {
      repoint: repoint(c, survivor.state.id, absorbed.state.id, plan.returningContacts),
      notes: [],
    },
  );
  if (!committed) return { kind: "stale" };
  // The person's ticket may itself go back with the other thread.
  const back = plan.returningContacts.includes(viewer.contactId);
  const threadId = back ? absorbed.state.id : survivor.state.id;
  const statuses = await noteStatuses(c.env.DB, tenant.id, threadId);
  return {
    kind: "done",
    view: back
      ? contextView(plan.absorbedState, viewer.contactId, absorbedVersion, statuses)
      : contextView(plan.survivorState, viewer.contactId, survivorVersion, statuses),
  };
}
