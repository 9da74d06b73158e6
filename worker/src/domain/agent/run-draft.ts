import { ai, reactionGroup } from "../actor";
import type { Channel } from "../channel-event";
import { unconfirmedOf } from "../contact-confirmation";
import type { HardStopCode, WorkflowId } from "../intent";
import type { IdentityLevel } from "../identity-level";
import type { KnowledgeLookup } from "../knowledge/passage";
import type { SlotName, Slots } from "../slots";
import type { ThreadEvent } from "../thread-events";
import type { ContactState, ThreadState, WorkflowProgress } from "../thread-state/state";
import type { ContextCards } from "./cards";
import { disclosureLevel } from "./policy";

export interface RunMessage {
  contactId: string;
  channel: Channel;
  text: string;
  at: string;
  offset: number;
  /** Hash of a one-time code the customer sent (see contact-plan). */
  codeAttempt?: string;
}

/** What a provider read in the messages; validated by the shell before it gets here. */
export interface Interpretation {
  intent: WorkflowId | null;
  slots: Slots;
}

export interface AgentRunInput {
  state: ThreadState;
  /** The thread version this run decides at: the run's idempotency key. */
  version: number;
  /** Customer messages after the agent's last run, in log order. */
  messages: RunMessage[];
  cards: ContextCards;
  interpretation: Interpretation;
  /** Where a reply to this contact can go. */
  delivery: {
    conversationId: string | null;
    ticketId: string | null;
    /** False when the conversation does not reach a contact on file (the web chat page). */
    codesInConversation?: boolean;
  };
  autoReply: boolean;
  /** The contact's channel lets anyone type anything: only a verification unlocks the account. */
  proofOnly?: boolean;
  /** A person asked to verify this contact (the sidebar's "request verification"). */
  verificationWanted?: string | null;
  /** A fresh code's hash, used if this run asks for step-up verification. */
  newCodeHash: string;
  provider: string;
  /** The tenant's own policies that decide actions; none is assumed for a tenant that set none. */
  policy?: DecidingPolicy;
  /** The tenant's help content searched for the customer's question, when they asked one. */
  knowledge?: KnowledgeLookup;
}

export interface DecidingPolicy {
  returnWindowDays?: number;
  refundApprovalThreshold?: number;
  warrantyMonths?: number;
  openingHours?: string;
}

/** What the run made of a general question, for the audit trail and the knowledge metrics. */
export type KnowledgeDecision = {
  /** The thread's category (its workflow, or "unclassified") and the question's language. */
  category: string;
  language: string;
} & (
  | {
      outcome: "answered";
      source: string;
      articleId: string;
      title: string;
      url: string;
      locale: string;
      score: number;
    }
  | {
      outcome: "none_found";
      source: string;
      /**
       * The question, masked (`unansweredQuestion`), so an admin sees what the gap is; gone from
       * the record once the tenant's message retention has passed.
       */
      question?: string;
    }
  | { outcome: "unavailable"; source: string }
);

export type Outbound =
  | {
      kind: "reply";
      via: "messaging" | "ticket_public";
      text: string;
      conversationId?: string;
      ticketId?: string;
    }
  | {
      kind: "code";
      via: "messaging" | "ticket_public";
      conversationId?: string;
      ticketId?: string;
    };

export interface AgentRunPlan {
  facts: ThreadEvent[];
  outbound: Outbound[];
  /** Set when this run handed the thread to a person (the note writer acts on it). */
  handedOff: HardStopCode | "needs_person" | null;
  /** What the run did, for the audit trail and for `npm run eval`. */
  decisions: {
    asked: SlotName[];
    verificationPrompt: boolean;
    hardStop: HardStopCode | null;
    actions: string[];
    level: IdentityLevel;
    knowledge?: KnowledgeDecision;
  };
}

/** A fact as the run decides it; `addFact` gives it its key, time, group and part. */
export type Fact = ThreadEvent extends infer E
  ? E extends ThreadEvent
    ? Omit<E, "key" | "at" | "group" | "part">
    : never
  : never;

export type ReplyPurpose = "question" | "answer" | "verification" | "handoff" | "status";

/**
 * One agent run while it is being decided: what it read (read-only) and what it has decided so
 * far (facts, the reply's parts, its purpose, hand-off…). Every step of the run takes and extends
 * this one object, in order.
 */
export interface RunDraft {
  readonly input: AgentRunInput;
  readonly state: ThreadState;
  readonly messages: RunMessage[];
  readonly cards: ContextCards;
  /** When the run decides: its newest message, or the thread's last event. */
  readonly at: string;
  /** The contact this run answers (or the one a person asked to verify). */
  readonly contactId: string;
  readonly contact: ContactState | undefined;
  /** The customer's messages, joined. */
  readonly text: string;
  readonly customerResolved: boolean;
  readonly unconfirmed: boolean;
  /** A person has the thread: the agent records but says nothing. */
  readonly silent: boolean;
  readonly candidateOrders: string[];
  /** Where a one-time code can go, if anywhere. */
  readonly codeVia: "messaging" | "ticket_public" | null;
  /** Only a verification unlocks the account on this contact's channel (policy.disclosureLevel). */
  readonly proofOnly: boolean;

  readonly facts: ThreadEvent[];
  readonly outbound: Outbound[];
  readonly decisions: AgentRunPlan["decisions"];
  /** The reply, sentence by sentence; joined once at the end. */
  readonly parts: string[];
  purpose: ReplyPurpose;
  hardStop: HardStopCode | null;
  handedOff: AgentRunPlan["handedOff"];
  level: IdentityLevel;
  workflow: WorkflowProgress | null;
  slots: Slots;
  /** This run judged a one-time code the contact sent. */
  verificationHandled: boolean;
  /** The code the contact sent matched a pending, unexpired one. */
  codeMatched: boolean;
}

export function startDraft(input: AgentRunInput): RunDraft {
  const { state, messages, cards } = input;
  const newest = messages[messages.length - 1];
  const contactId =
    input.verificationWanted ??
    newest?.contactId ??
    state.contacts[state.contacts.length - 1]?.id ??
    "";
  const contact = state.contacts.find((c) => c.id === contactId);
  return {
    input,
    state,
    messages,
    cards,
    at: newest?.at ?? state.lastEventAt,
    contactId,
    contact,
    text: messages.map((m) => m.text).join("\n"),
    customerResolved: Boolean(contact?.resolution.customerId) && !contact?.resolution.conflict,
    // Tied to the customer by an order number alone (DESIGN §4): it unlocks nothing, and a code
    // sent back through its own channel would prove only that it reads its own channel.
    unconfirmed: unconfirmedOf(contact) !== null,
    silent: state.control === "human",
    candidateOrders: [...new Set(state.candidates.flatMap((c) => c.orderIds ?? []))],
    codeVia:
      input.delivery.conversationId && input.delivery.codesInConversation !== false
        ? "messaging"
        : input.delivery.ticketId
          ? "ticket_public"
          : null,
    proofOnly: input.proofOnly === true,
    facts: [],
    outbound: [],
    decisions: {
      asked: [],
      verificationPrompt: false,
      hardStop: null,
      actions: [],
      level: contact?.resolution.level ?? "unknown",
    },
    parts: [],
    purpose: "answer",
    hardStop: null,
    handedOff: null,
    level: disclosureLevel(contact?.resolution.level ?? "unknown", input.proofOnly === true),
    workflow: state.workflow,
    slots: state.slots,
    verificationHandled: false,
    codeMatched: false,
  };
}

/** Records a fact, keyed by the run's version and its place in the run. */
export function addFact(draft: RunDraft, fact: Fact): void {
  const { facts, input, at } = draft;
  facts.push({
    ...fact,
    key: `${reactionGroup(ai(), input.version)}#${facts.length}`,
    at,
    group: reactionGroup(ai(), input.version),
    part: facts.length,
  } as ThreadEvent);
}
