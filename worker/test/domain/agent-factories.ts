/**
 * Builders for agent fixtures: context cards, orders, a thread in a given situation, and one
 * customer turn followed by the agent's run. Like `factories.ts`, each takes only what a test
 * cares about; the thread is always built by projecting facts, never by hand.
 */
import type { Artifact, Channel, ControlOwner } from "../../src/domain/channel-event";
import type { ContextCards, OrderFacts } from "../../src/domain/agent/cards";
import {
  planAgentRun,
  type AgentRunInput,
  type AgentRunPlan,
  type Interpretation,
} from "../../src/domain/agent/plan-run";
import { askFor } from "../../src/domain/agent/replies";
import { findReferences } from "../../src/domain/language/references";
import type { IdentityLevel, Signal } from "../../src/domain/identity-level";
import type { HardStopCode, WorkflowId } from "../../src/domain/intent";
import { classifyIntent } from "../../src/domain/language/read-message";
import { extractSlots, type SlotName, type Slots } from "../../src/domain/slots";
import type { ThreadEvent } from "../../src/domain/thread-events";
import { withHandoffNote } from "../../src/domain/handoff-notes";
import { applyEvents, project, type ThreadState } from "../../src/domain/thread-state";
import { addHours } from "../../src/domain/time";
import { WORKFLOWS } from "../../src/domain/workflows";
import {
  contactSays,
  daysAfter,
  hoursAfter,
  mayaEmail,
  message,
  order18422,
  POLICY,
  projected,
  signal,
  T0,
} from "./factories";

export const CUSTOMER = "C-1";
export const OTHER_CUSTOMER = "C-2";
/** The contact in front of the agent unless a test says otherwise: a messaging conversation. */
export const CONTACT = "session:CONV-1";
export const CONVERSATION = "CONV-1";
export const NEW_CODE_HASH = "otp-hash-new";

/** `T0` moved by a number of minutes. */
export function minutesAfter(minutes: number, from: string = T0): string {
  return addHours(from, minutes / 60);
}

/** A fresh order as the order system returns it: delivered five days ago, window open 25 more. */
export function order(fields: Partial<OrderFacts> = {}): OrderFacts {
  return {
    id: "W1202",
    customerId: CUSTOMER,
    status: "delivered",
    placedAt: daysAfter(-10),
    deliveredAt: daysAfter(-5),
    returnWindowEndsAt: daysAfter(25),
    items: [{ name: "Zephyr Toaster" }],
    shipments: [{ status: "delivered", carrier: "UPS", tracking: "1ZSECRET99" }],
    ...fields,
  };
}

export const found = (facts: OrderFacts = order()): ContextCards["order"] => ({
  status: "found",
  order: facts,
});
export const unavailable = (orderId = "W1202"): ContextCards["order"] => ({
  status: "unavailable",
  orderId,
});
export const notFound = (orderId = "W1202"): ContextCards["order"] => ({
  status: "not_found",
  orderId,
});

/** Context cards as the shell assembles them, with neutral defaults. */
export function cards(
  fields: {
    level?: IdentityLevel;
    customerId?: string | null;
    order?: ContextCards["order"];
    risk?: Partial<ContextCards["risk"]>;
  } = {},
): ContextCards {
  return {
    account: {
      customerId: fields.customerId ?? null,
      tier: null,
      level: fields.level ?? "unknown",
      language: "en",
    },
    case: { tickets: [], openTickets: 0 },
    order: fields.order ?? { status: "none" },
    risk: { failedVerifications: 0, conflict: false, flags: [], ...fields.risk },
    sources: ["thread"],
  };
}

/** The cards the shell would assemble for this thread and contact (see assemble-context). */
export function cardsFor(
  state: ThreadState,
  orderCard: ContextCards["order"] = { status: "none" },
  contactId: string = state.contacts.at(-1)?.id ?? CONTACT,
): ContextCards {
  const contact = state.contacts.find((c) => c.id === contactId);
  return cards({
    level: contact?.resolution.level ?? "unknown",
    customerId: state.customerId,
    order: orderCard,
    risk: {
      failedVerifications: state.verification.failures.filter((f) => f.reason === "wrong_code")
        .length,
      conflict:
        Boolean(contact?.resolution.conflict) ||
        state.riskFlags.some((f) => f.flag === "identity_conflict"),
      flags: [...new Set(state.riskFlags.map((f) => f.flag))],
    },
  });
}

/** How sure we are of the contact in front of us; `conflict` is the phone of C-1, the order of C-2. */
export type LevelSpec = IdentityLevel | "conflict";
export const LEVEL_SPECS: LevelSpec[] = ["unknown", "low", "medium", "high", "conflict"];

function signalsFor(level: LevelSpec): Signal[] {
  const phone = signal({ kind: "phone", hash: "phone-C-1", owners: [CUSTOMER] });
  switch (level) {
    case "unknown":
      return [];
    case "low":
      return [phone];
    case "conflict":
      return [phone, signal({ kind: "order", hash: "order-C-2", owners: [OTHER_CUSTOMER] })];
    default:
      return [phone, signal({ kind: "order", hash: "order-C-1", owners: [CUSTOMER] })];
  }
}

export interface ThreadSpec {
  level?: LevelSpec;
  contactId?: string;
  channel?: Channel;
  /** Slots already held, by value (source "text", at `T0`). */
  slots?: Partial<Record<SlotName, string>>;
  workflow?: WorkflowId;
  /** Step ids recorded as completed: by the AI for check/inform steps, by a person otherwise. */
  completed?: string[];
  denied?: { stepId: string; reason: string };
  control?: ControlOwner;
  /** Threads this one may be the same issue as: their ids, or each id with the orders it is about. */
  candidates?: string[] | Record<string, string[]>;
  /** Orders the contact referred to through its identifiers (not a held slot). */
  orderIds?: string[];
  /** A one-time code in flight for the contact, requested at `T0` (expires 10 minutes later). */
  pendingCode?: string;
  /** Wrong codes entered before (recorded before the pending code was requested). */
  wrongCodes?: number;
  handedOff?: HardStopCode | "needs_person";
  /** More facts, for what the spec does not cover. */
  extra?: ThreadEvent[];
}

/** A thread in the given situation, projected from the facts that would have put it there. */
export function threadWith(spec: ThreadSpec = {}): ThreadState {
  return projected(threadFacts(spec));
}

/** The facts that put a thread in the given situation (its log). */
export function threadFacts(spec: ThreadSpec = {}): ThreadEvent[] {
  const contactId = spec.contactId ?? CONTACT;
  const channel = spec.channel ?? "messaging";
  const facts: ThreadEvent[] = [];
  const add = (fact: Record<string, unknown> & { type: ThreadEvent["type"] }) => {
    const part = facts.length;
    facts.push({ key: `setup#${part}`, group: "setup", part, at: T0, ...fact } as ThreadEvent);
  };
  add({
    type: "contact.joined",
    contactId,
    channel,
    links: [{ kind: "session", id: contactId.replace(/^session:/, "") }],
    stitch: { action: "new", reason: spec.candidates ? "several_open_threads" : "no_open_thread" },
  });
  const level = spec.level ?? "medium";
  const signals = signalsFor(level);
  if (signals.length > 0) add({ type: "identity.observed", contactId, signals });
  if (level === "high")
    add({ type: "verification.passed", contactId, method: "sso", passedAt: T0 });
  if (spec.orderIds?.length)
    add({
      type: "message.received",
      contactId,
      channel,
      author: "customer",
      text: "Hi",
      public: true,
      orderIds: spec.orderIds,
    });
  const candidates = Array.isArray(spec.candidates)
    ? spec.candidates.map((threadId) => ({ threadId, reason: "open_thread" }))
    : Object.entries(spec.candidates ?? {}).map(([threadId, orderIds]) => ({
        threadId,
        reason: "same_order",
        orderIds,
      }));
  if (candidates.length > 0) add({ type: "candidates.recorded", candidates });
  if (spec.slots && Object.keys(spec.slots).length > 0)
    add({ type: "slots.filled", contactId, slots: held(spec.slots), source: "rules" });
  if (spec.workflow) {
    add({
      type: "workflow.started",
      workflow: spec.workflow,
      version: WORKFLOWS[spec.workflow].version,
      reason: "classified by rules",
    });
    for (const stepId of spec.completed ?? []) {
      const step = WORKFLOWS[spec.workflow].steps.find((s) => s.id === stepId);
      if (!step) throw new Error(`${spec.workflow} has no step ${stepId}`);
      const byAi = step.kind === "check" || step.kind === "inform";
      add({
        type: "workflow.step_completed",
        stepId,
        by: byAi ? "ai" : "human",
        outcome: byAi ? "ok" : "approved",
      });
    }
    if (spec.denied)
      add({
        type: "workflow.step_denied",
        stepId: spec.denied.stepId,
        by: "human:A-7",
        reason: spec.denied.reason,
      });
  }
  for (let i = 0; i < (spec.wrongCodes ?? 0); i++)
    add({ type: "verification.failed", contactId, reason: "wrong_code" });
  if (spec.pendingCode)
    add({
      type: "verification.requested",
      contactId,
      channel,
      codeHash: spec.pendingCode,
      expiresAt: minutesAfter(10),
      attempts: 3,
    });
  if (spec.handedOff)
    add({ type: "agent.handed_off", code: spec.handedOff, reason: "set up by the test" });
  if (spec.control === "human")
    add({ type: "control.changed", owner: "human", reason: "taken over by A-7" });
  return [...facts, ...(spec.extra ?? [])];
}

/** Slot values as the thread holds them. */
export function held(values: Partial<Record<SlotName, string>>, at: string = T0): Slots {
  return Object.fromEntries(
    Object.entries(values).map(([name, value]) => [name, { value, source: "text", at }]),
  ) as Slots;
}

/** The run's input at the thread's current version, with no new messages. */
export function runInput(state: ThreadState, fields: Partial<AgentRunInput> = {}): AgentRunInput {
  return {
    state,
    version: state.eventCount,
    messages: [],
    cards: cardsFor(state),
    interpretation: { intent: null, slots: {} },
    delivery: { conversationId: CONVERSATION, ticketId: null },
    autoReply: false,
    newCodeHash: NEW_CODE_HASH,
    provider: "rules",
    ...fields,
  };
}

export interface Turn {
  at?: string;
  contactId?: string;
  channel?: Channel;
  artifacts?: Artifact[];
  /** The keyed hash of the six digits in the message (the digits are masked in the text). */
  codeAttempt?: string;
  order?: ContextCards["order"];
  /** Defaults to what the rules provider reads: `classifyIntent` while no workflow is running. */
  intent?: WorkflowId | null;
  modelSlots?: Slots;
  delivery?: AgentRunInput["delivery"];
  autoReply?: boolean;
  newCodeHash?: string;
  /** What the tenant's Help Center answered the shell's search (`knowledge-factories.ts`). */
  knowledge?: AgentRunInput["knowledge"];
  /** The tenant's deciding policies (return window, refund threshold, warranty, hours). */
  policy?: AgentRunInput["policy"];
}

export interface TurnResult {
  /** The customer's message as ingestion recorded it. */
  message: ThreadEvent;
  /** The thread with the customer's message recorded: what the agent decided on. */
  before: ThreadState;
  input: AgentRunInput;
  plan: AgentRunPlan;
  /** The thread with the run's facts applied. */
  after: ThreadState;
}

/**
 * The customer writes, ingestion records the message (with its slots, as `planContact` does),
 * and the agent runs at the new version. Returns the plan and the thread before and after.
 */
export function customerSays(state: ThreadState, text: string, turn: Turn = {}): TurnResult {
  const at = turn.at ?? minutesAfter(1);
  const contactId = turn.contactId ?? state.contacts.at(-1)?.id ?? CONTACT;
  const channel =
    turn.channel ?? state.contacts.find((c) => c.id === contactId)?.channel ?? "messaging";
  const artifacts = turn.artifacts ?? [];
  const key = `msg#${state.eventCount}`;
  // What the shell would confirm, with an order system that knows every order the customer cues.
  const refs = findReferences(text, channel, "US");
  const said = {
    orderIds: refs.orders.filter((c) => c.strength === "cued").map((c) => c.id),
    emails: refs.emails,
    phones: refs.phones,
    nameZip: refs.nameZip[0] ?? null,
  };
  const recorded = message({
    key,
    group: key,
    at,
    contactId,
    channel,
    text: turn.codeAttempt ? text.replace(/\d{6}/, "••••••") : text,
    orderIds: said.orderIds,
    slots: extractSlots(text, artifacts, at, said),
    ...(turn.codeAttempt && { codeAttempt: turn.codeAttempt }),
  });
  const before = applyEvents(state, [recorded], POLICY);
  const interpretation: Interpretation = {
    intent:
      turn.intent !== undefined
        ? turn.intent
        : before.workflow
          ? null
          : classifyIntent(text, channel),
    slots: turn.modelSlots ?? {},
  };
  const input = runInput(before, {
    messages: [
      {
        contactId,
        channel,
        text: recorded.type === "message.received" ? recorded.text : text,
        at,
        offset: before.eventCount,
        ...(turn.codeAttempt && { codeAttempt: turn.codeAttempt }),
      },
    ],
    cards: cardsFor(before, turn.order, contactId),
    interpretation,
    ...(turn.delivery && { delivery: turn.delivery }),
    ...(turn.autoReply !== undefined && { autoReply: turn.autoReply }),
    ...(turn.newCodeHash && { newCodeHash: turn.newCodeHash }),
    ...(turn.knowledge && { knowledge: turn.knowledge }),
    ...(turn.policy && { policy: turn.policy }),
  });
  const plan = planAgentRun(input);
  return { message: recorded, before, input, plan, after: applyEvents(before, plan.facts, POLICY) };
}

// Reading a plan.

export type Fact<T extends ThreadEvent["type"]> = Extract<ThreadEvent, { type: T }>;

export function factsOf<T extends ThreadEvent["type"]>(plan: AgentRunPlan, type: T): Fact<T>[] {
  return plan.facts.filter((f): f is Fact<T> => f.type === type);
}

export function typesOf(plan: AgentRunPlan): ThreadEvent["type"][] {
  return plan.facts.map((f) => f.type);
}

/** The reply the run gives the customer, or null when it stays silent. */
export function replyOf(plan: AgentRunPlan): Fact<"agent.replied"> | null {
  return factsOf(plan, "agent.replied")[0] ?? null;
}

export function replyText(plan: AgentRunPlan): string {
  return replyOf(plan)?.text ?? "";
}

/** The question the agent asks for a slot, as the templates word it. */
export function questionFor(slot: SlotName): string {
  return askFor([slot], []).split(" I need it")[0]!;
}

/** Steps the run completed. */
export function completedSteps(plan: AgentRunPlan): string[] {
  return factsOf(plan, "workflow.step_completed").map((f) => f.stepId);
}

/** Maya by email on ticket 101, by web chat on ticket 102, and by phone on ticket 103. */
export function mayaOnThreeTickets(): ThreadState {
  return project(
    "THR-SIB",
    [
      ...contactSays({
        contactId: "ticket:101",
        channel: "email",
        signals: [mayaEmail, order18422],
        orderIds: ["18422"],
        text: "My order #18422 arrived damaged. I want a replacement.",
      }),
      ...contactSays({
        contactId: "ticket:102",
        at: hoursAfter(2),
        signals: [mayaEmail, order18422],
        text: "Any news on the vase?",
      }),
      ...contactSays({
        contactId: "ticket:103",
        at: hoursAfter(4),
        channel: "voice",
        signals: [mayaEmail],
        text: "Calling about my vase.",
      }),
    ],
    POLICY,
  );
}

/** The customer writes and the agent runs, with its handoff marked as the shell marks it. */
export function agentRuns(state: ThreadState, text: string, contactId: string, at = hoursAfter(6)) {
  const turn = customerSays(state, text, { contactId, at });
  const facts = withHandoffNote(turn.plan.facts, turn.before, turn.after, contactId);
  return { before: turn.before, after: applyEvents(turn.before, facts, POLICY) };
}
