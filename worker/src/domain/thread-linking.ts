import { person, reactionGroup } from "./actor";
import type { IdentityPolicy } from "./identity-level";
import type { ThreadEvent, UnplacedEvent } from "./thread-events";
import { effectiveEvents, project, type ThreadState } from "./thread-state";

export interface LinkSide {
  state: ThreadState;
  version: number;
  /** The thread's whole log. */
  events: ThreadEvent[];
}

/** A person's fact, placed in the delivery group `group` at `part`. */
function placed(fact: UnplacedEvent, group: string, part = 0): ThreadEvent {
  return { ...fact, key: `${group}#${part}`, group, part } as ThreadEvent;
}

/** The most facts a link copies: a thread longer than this is linked by an operator, not a click. */
export const LINK_EVENT_LIMIT = 5000;

export type LinkPlan =
  | {
      ok: true;
      /** The thread that lives on and the one that lives on inside it. */
      survivor: LinkSide;
      absorbed: LinkSide;
      survivorFacts: ThreadEvent[];
      absorbedFacts: ThreadEvent[];
      survivorState: ThreadState;
      absorbedState: ThreadState;
    }
  | { ok: false; reason: string };

/**
 * Two threads a person says are one issue become one: the older thread lives on and the other's
 * facts are copied into its log under a prefix, so the projection tells one story and an undo
 * can drop exactly those facts. The agent does not re-read the copied history as new messages.
 */
export function planLink(
  current: LinkSide,
  other: LinkSide,
  by: string,
  at: string,
  policy: IdentityPolicy,
): LinkPlan {
  const a = current.state;
  const b = other.state;
  if (a.id === b.id) return { ok: false, reason: "A thread cannot be linked to itself." };
  if (a.mergedInto || b.mergedInto)
    return {
      ok: false,
      reason: `${a.mergedInto ? a.id : b.id} is already part of another thread.`,
    };
  const related =
    a.candidates.some((c) => c.threadId === b.id) ||
    b.candidates.some((c) => c.threadId === a.id) ||
    (a.customerId !== null && a.customerId === b.customerId);
  if (!related)
    return {
      ok: false,
      reason: `${b.id} is neither a candidate of this thread nor the same customer's.`,
    };
  if (a.customerId && b.customerId && a.customerId !== b.customerId)
    return {
      ok: false,
      reason: `${a.id} and ${b.id} belong to different customers; a thread never holds two.`,
    };
  if (current.events.length + other.events.length > LINK_EVENT_LIMIT)
    return { ok: false, reason: "These threads are too long to link from the sidebar." };

  const olderFirst = Date.parse(a.openedAt) - Date.parse(b.openedAt) || (a.id < b.id ? -1 : 1);
  const [survivor, absorbed] = olderFirst <= 0 ? [current, other] : [other, current];
  const prefix = `${absorbed.state.id}@${survivor.version}/`;
  const copied = effectiveEvents(absorbed.events)
    .filter((e) => e.type !== "thread.merged" && e.type !== "thread.unmerged")
    .map((e) => ({ ...e, key: `${prefix}${e.key}` }));
  const group = reactionGroup(person(), `link:${survivor.version}`);
  const survivorFacts: ThreadEvent[] = [
    ...copied,
    placed({ type: "thread.linked", otherThreadId: absorbed.state.id, by, prefix, at }, group, 0),
    // The copied history is not news to the agent: it answers only what comes after the link.
    placed(
      {
        type: "agent.run_completed",
        upTo: survivor.version + copied.length + 2,
        provider: "link",
        at,
      },
      group,
      1,
    ),
  ];
  const absorbedFacts = [
    placed(
      { type: "thread.merged", into: survivor.state.id, by, at },
      reactionGroup(person(), `merge:${absorbed.version}`),
    ),
  ];
  return {
    ok: true,
    survivor,
    absorbed,
    survivorFacts,
    absorbedFacts,
    survivorState: project(survivor.state.id, [...survivor.events, ...survivorFacts], policy),
    absorbedState: project(absorbed.state.id, [...absorbed.events, ...absorbedFacts], policy),
  };
}

export type UnlinkPlan =
  | {
      ok: true;
      survivorFacts: ThreadEvent[];
      absorbedFacts: ThreadEvent[];
      survivorState: ThreadState;
      absorbedState: ThreadState;
      /** Contacts whose tickets and sessions go back to the absorbed thread. */
      returningContacts: string[];
    }
  | { ok: false; reason: string };

/** Undo a link: the copied facts stop counting and the absorbed thread stands alone again. */
export function planUnlink(
  survivor: LinkSide,
  absorbed: LinkSide,
  by: string,
  at: string,
  policy: IdentityPolicy,
): UnlinkPlan {
  if (
    absorbed.state.mergedInto !== survivor.state.id ||
    !survivor.state.linkedThreads.some((l) => l.threadId === absorbed.state.id)
  )
    return { ok: false, reason: `${absorbed.state.id} is not linked into ${survivor.state.id}.` };
  const survivorFacts = [
    placed(
      { type: "thread.unlinked", otherThreadId: absorbed.state.id, by, at },
      reactionGroup(person(), `unlink:${survivor.version}`),
    ),
  ];
  const absorbedFacts = [
    placed(
      { type: "thread.unmerged", from: survivor.state.id, by, at },
      reactionGroup(person(), `unmerge:${absorbed.version}`),
    ),
  ];
  return {
    ok: true,
    survivorFacts,
    absorbedFacts,
    survivorState: project(survivor.state.id, [...survivor.events, ...survivorFacts], policy),
    absorbedState: project(absorbed.state.id, [...absorbed.events, ...absorbedFacts], policy),
    returningContacts: absorbed.state.contacts.map((c) => c.id),
  };
}
