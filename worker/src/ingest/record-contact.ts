import { assignArm, type RolloutPlan } from "../domain/metrics/rollout";
import { identifierThreadStatements } from "../store/identifier-threads";
import { contactKey, linksOf, type ChannelEvent, type ThreadLink } from "../domain/channel-event";
import { planContact } from "../domain/contact-plan";
import { resolveIdentity, type Signal } from "../domain/identity-level";
import { decideThread, type StitchDecision } from "../domain/stitching";
import type { ThreadState } from "../domain/thread-state";
import type { ThreadEvent } from "../domain/thread-events";
import type { AuditEntry } from "../store/audit";
import { auditActor, system } from "../domain/actor";
import { commitChange } from "../threads/commit";
import { aiLeavesOnFirstMessage } from "../domain/transfer";
import type { Dispatch } from "../threads/dispatch";
import { stateAfter } from "../threads/state-after";
import { auditTrail } from "../domain/audit-trail";
import { settleDelivery } from "../store/deliveries";
import { upsertCustomers, upsertIdentities } from "../store/identities";
import type { OutboxRowInput } from "../delivery/notes";
import { orderCandidates } from "../domain/language/order-references";
import { findCode } from "../domain/slots";
import {
  anyRecorded,
  customerThreads,
  findLinkedThreads,
  linkStatements,
  type LinkedThread,
  type StoredEvent,
  type StoredThread,
} from "../store/threads";
import { phoneCountry, type PolicyConfig } from "../tenancy/tenant-config";
import { PhoneSearch } from "../domain/language/contact-details";
import type { Evidence } from "./evidence";

export const MAX_WRITE_ATTEMPTS = 8;

export type RecordOutcome =
  | {
      kind: "recorded";
      threadId: string;
      created: boolean;
      offsets: [number, number];
      state: ThreadState;
      /** Set when the facts call for an agent run (a customer message, or control back to the AI). */
      agentRunUpTo: number | null;
      /** Outbox rows written with the facts, to hand to the delivery queue. */
      outbox: string[];
      /** What the queues are asked to do now that the facts are stored. */
      dispatch: Dispatch;
      /**
       * The owed agent run was taken for the caller's lease holder (null: another run holds the
       * thread), with what it would read when that is known without reading: the thread as written
       * and the facts its agent has not seen, when these facts are all of them.
       */
      leasedRun: { read: { stored: StoredThread; unprocessed: StoredEvent[] } | null } | null;
    }
  | { kind: "already_recorded"; threadId: string | null }
  | { kind: "no_thread"; reason: string };

const CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

export function newThreadId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(8));
  return `THR-${[...bytes].map((b) => CROCKFORD[b & 31]).join("")}`;
}

/**
 * What an agent run would read right after this write, when the write says it all: the agent had
 * seen every fact before these, so these are all it has not seen.
 */
function runRead(
  current: StoredThread | null,
  state: ThreadState,
  version: number,
  facts: ThreadEvent[],
  at: string,
): { stored: StoredThread; unprocessed: StoredEvent[] } | null {
  if ((current?.state.agent.processedOffset ?? 0) < version) return null;
  return {
    stored: {
      state,
      version: version + facts.length,
      // A thread this contact opened has nobody attached yet.
      ...(current ? current.live !== undefined && { live: current.live } : { live: false }),
    },
    unprocessed: facts.map((event, i) => ({ offset: version + 1 + i, event, recordedAt: at })),
  };
}

/** Events that say nothing about a person or a conversation do not open a thread on their own. */
function canOpenContact(event: ChannelEvent, evidence: Evidence): boolean {
  return (
    Boolean(event.message?.text.trim()) || evidence.signals.length > 0 || event.artifacts.length > 0
  );
}

function pickLinked(event: ChannelEvent, rows: LinkedThread[]) {
  // A session is the most specific link; a ticket may collect several sessions.
  return (
    rows.find((r) => r.kind === "session" && r.externalId === event.sessionId) ??
    rows.find((r) => r.kind === "ticket") ??
    null
  );
}

interface Target {
  threadId: string;
  current: StoredThread | null;
  contactId: string;
  knownLinks: ThreadLink[] | null;
  decision: StitchDecision;
  customerGuard: { customerId: string; version: number } | null;
}

async function chooseTarget(
  db: D1Database,
  tenantId: string,
  event: ChannelEvent,
  evidence: Evidence,
  policy: PolicyConfig,
  /** The event's linked threads, if already read (the first attempt). */
  known: LinkedThread[] | null,
): Promise<Target | { none: string }> {
  const linked = pickLinked(
    event,
    known ?? (await findLinkedThreads(db, tenantId, linksOf(event))),
  );
  if (linked) {
    const current: StoredThread = {
      state: linked.state,
      version: linked.version,
      ...(linked.live !== undefined && { live: linked.live }),
    };
    const contact = current.state.contacts.find((c) => c.id === linked.contactId);
    return {
      threadId: linked.threadId,
      current,
      contactId: linked.contactId,
      knownLinks: contact?.links ?? null,
      decision: { action: "existing", threadId: linked.threadId, via: linked.kind },
      customerGuard: null,
    };
  }
  if (!canOpenContact(event, evidence))
    return { none: "the event names no contact, message or identifier" };

  const verifications = event.verification ? [event.verification] : [];
  const resolution = resolveIdentity(evidence.signals, verifications, event.occurredAt, policy);
  const customers = resolution.customerId ? [resolution.customerId] : resolution.candidates;
  const { threads, version } = await customerThreads(db, tenantId, customers);
  const decision = decideThread({
    linked: null,
    resolution,
    references: {
      orderIds: evidence.orderIds,
      artifactHashes: event.artifacts.flatMap((a) => (a.sha256 ? [a.sha256] : [])),
    },
    threads,
    asOf: event.occurredAt,
    continuityWindowDays: policy.continuityWindowDays,
  });
  const contactId = contactKey(event);
  if (decision.action === "attach") {
    const chosen = threads.find((t) => t.id === decision.threadId)!;
    return {
      threadId: decision.threadId,
      current: chosen.load(),
      contactId,
      knownLinks: null,
      decision,
      customerGuard: null,
    };
  }
  // Opening a thread for a customer moves their version on, so a racing contact re-decides.
  const customerGuard = resolution.customerId
    ? { customerId: resolution.customerId, version }
    : null;
  return {
    threadId: newThreadId(),
    current: null,
    contactId,
    knownLinks: null,
    decision,
    customerGuard,
  };
}

/** The tier of the one customer this contact's evidence points at, if the order system gave one. */
function openingTier(signals: Signal[], tiers: Record<string, string>): string | null {
  const owners = [...new Set(signals.flatMap((s) => s.owners))];
  return owners.length === 1 ? (tiers[owners[0]!] ?? null) : null;
}

/** Stitching's own audit (how the contact joined), then what the facts did to the thread. */
function auditFor(
  target: Target,
  before: ThreadState | null,
  after: ThreadState,
  facts: ThreadEvent[],
  at: string,
): AuditEntry[] {
  const actor = auditActor(system("ingest"));
  const trail = auditTrail(before, after, facts, at, actor);
  const created = trail.find((e) => e.action === "thread.created");
  if (created)
    created.data = {
      ...created.data,
      reason: "reason" in target.decision ? target.decision.reason : "linked",
    };
  const contactAfter = after.contacts.find((c) => c.id === target.contactId);
  const joined = !before?.contacts.some((c) => c.id === target.contactId) && contactAfter;
  return [
    ...trail,
    ...(joined
      ? [
          {
            at,
            actor,
            action: "contact.stitched",
            threadId: after.id,
            data: {
              contactId: target.contactId,
              channel: contactAfter.channel,
              ...contactAfter.stitch,
            },
          },
        ]
      : []),
  ];
}

/**
 * Record one inbound event on its thread: choose the thread, plan the facts, and write them with
 * compare-and-set. A lost race re-reads and re-decides; a replay of facts already stored is a no-op.
 */
export async function recordContact(
  db: D1Database,
  tenantId: string,
  event: ChannelEvent,
  evidence: Evidence,
  policy: PolicyConfig,
  now: () => string,
  /** Hashes a one-time code the way the agent stored it, for a contact that owes us one. */
  codeHasher?: (threadId: string, contactId: string, code: string) => Promise<string>,
  /** The notes a write from one state to the next owes the thread's tickets. */
  notesFor?: (before: ThreadState | null, after: ThreadState) => Promise<OutboxRowInput[]>,
  /** The tenant's rollout, if one is running: a new thread is assigned its arm as it opens. */
  rollout: RolloutPlan | null = null,
  /** The event's linked threads as the caller already read them: the first attempt's read. */
  linkedFirst: LinkedThread[] | null = null,
  /** Take the agent run the facts owe for this holder, in the same write (see requestAgentRun). */
  agentRunLease: { holder: string; until: string } | null = null,
): Promise<RecordOutcome> {
  for (let attempt = 1; attempt <= MAX_WRITE_ATTEMPTS; attempt++) {
    // A lost race read stale threads: every later attempt reads them again.
    const known = attempt === 1 ? linkedFirst : null;
    const target = await chooseTarget(db, tenantId, event, evidence, policy, known);
    const stamp = now();
    if ("none" in target) {
      await settleDelivery(db, tenantId, event, null, stamp).run();
      return { kind: "no_thread", reason: target.none };
    }
    const pendingCode = target.current?.state.verification.pending;
    // Six digits the customer calls an order ("order #123456") are an order, not a code.
    const text = event.message?.author === "customer" ? event.message.text : "";
    const candidate = findCode(text);
    const calledAnOrder = orderCandidates(text).some(
      (c) => c.id === candidate && (c.cue === "hash" || c.cue === "word"),
    );
    const code = candidate && !calledAnOrder ? candidate : null;
    const codeAttempt =
      code && pendingCode?.contactId === target.contactId && codeHasher
        ? { code, hash: await codeHasher(target.threadId, target.contactId, code) }
        : undefined;
    const tiers = Object.fromEntries(
      evidence.customers.flatMap((c) => (c.tier ? [[c.id, c.tier] as const] : [])),
    );
    const events = planContact({
      event,
      contactId: target.contactId,
      knownLinks: target.knownLinks,
      decision: target.decision,
      signals: evidence.signals,
      orderIds: evidence.orderIds,
      said: evidence.said,
      // Stored transcripts mask phone numbers read the same way the words were grounded.
      phoneSearch: evidence.phoneSearch ?? new PhoneSearch(phoneCountry(policy)),
      ...(codeAttempt && { codeAttempt }),
      ...(target.current && { consent: target.current.state.consent }),
      tiers,
      ...(!target.current && {
        rollout: assignArm(target.threadId, rollout, {
          channel: event.channel,
          tier: openingTier(evidence.signals, tiers),
        }),
      }),
    });
    // A warm transfer's AI leaves the session when the person first writes to the customer.
    events.push(...aiLeavesOnFirstMessage(target.current?.state ?? null, events));
    const version = target.current?.version ?? 0;
    if (events.length === 0) {
      await settleDelivery(db, tenantId, event, target.threadId, stamp).run();
      return { kind: "already_recorded", threadId: target.threadId };
    }
    const state = await stateAfter(
      db,
      tenantId,
      target.threadId,
      target.current,
      policy,
      event.occurredAt,
    )(events);
    const newLinks = linksOf(event).filter(
      (l) => !target.knownLinks?.some((k) => k.kind === l.kind && k.id === l.id),
    );
    // A ticket joining while a person has the thread gets a pointer to the full note; a change
    // the full note no longer tells gets an update.
    const notes = notesFor ? await notesFor(target.current?.state ?? null, state) : [];
    // A customer message, or control handed back to the AI, owes the thread an agent run.
    const wantsRun = events.some(
      (e) =>
        (e.type === "message.received" && e.author === "customer") ||
        (e.type === "control.changed" && e.owner === "ai"),
    );
    const agentRunUpTo = wantsRun ? version + events.length : null;
    const outcome = await commitChange(db, tenantId, {
      at: stamp,
      parts: [{ read: target.current, facts: events, state }],
      // Customers first: the open-thread guard reads the row they may create.
      leading: upsertCustomers(db, tenantId, evidence.customers, stamp),
      customerGuard: target.customerGuard,
      alongside: [
        ...linkStatements(
          db,
          tenantId,
          stamp,
          { threadId: target.threadId, contactId: target.contactId, channel: event.channel },
          newLinks,
        ),
        ...upsertIdentities(db, tenantId, evidence.identities, event.occurredAt),
        ...identifierThreadStatements(
          db,
          tenantId,
          target.threadId,
          evidence.signals,
          event.occurredAt,
        ),
        settleDelivery(db, tenantId, event, target.threadId, stamp),
      ],
      audit: auditFor(target, target.current?.state ?? null, state, events, stamp),
      outbox: notes,
      agentRunUpTo,
      agentRunLease,
    });
    if (outcome.kind === "committed")
      return {
        kind: "recorded",
        threadId: target.threadId,
        created: target.current === null,
        offsets: [version + 1, version + events.length],
        state,
        agentRunUpTo,
        outbox: notes.map((n) => n.id),
        dispatch: outcome.dispatch,
        leasedRun: outcome.runLeased
          ? { read: runRead(target.current, state, version, events, stamp) }
          : null,
      };
    // A duplicate fact is a replay only if it is one of this delivery's own; a contact's join is
    // shared, and a racing delivery may have written it first: then re-read and go again.
    const own = events.filter((e) => e.type !== "contact.joined").map((e) => e.key);
    if (
      outcome.kind === "duplicate_fact" &&
      (await anyRecorded(db, tenantId, target.threadId, own))
    ) {
      await settleDelivery(db, tenantId, event, target.threadId, now()).run();
      return { kind: "already_recorded", threadId: target.threadId };
    }
    // Someone else wrote first: back off a little, re-read, decide again.
    await new Promise((resolve) => setTimeout(resolve, Math.random() * 10 * attempt));
  }
  throw new Error(`thread write kept conflicting after ${MAX_WRITE_ATTEMPTS} attempts`);
}
