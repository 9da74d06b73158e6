import type { Channel } from "../channel-event";
import type { IdentityLevel } from "../identity-level";
import type { HardStopCode, WorkflowId } from "../intent";
import type { SlotName, Slots } from "../slots";
import type { ThreadEvent } from "../thread-events";
import type { ThreadState } from "../thread-state";
import { answerCustomer } from "./answer-customer";
import type { ContextCards } from "./cards";
import { handOff } from "./hand-off";
import {
  flagInjection,
  stopOnBillingDispute,
  stopOnConflictedSensitiveChange,
  stopOnWords,
} from "./hard-stops";
import { addFact, startDraft } from "./run-draft";
import { sendReply } from "./send-reply";
import { fillSlots, startWorkflow } from "./understand-request";
import { codeOutstanding, judgeCodeAttempt, sendRequestedCode } from "./verification";

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
  delivery: { conversationId: string | null; ticketId: string | null };
  autoReply: boolean;
  /** A person asked to verify this contact (the sidebar's "request verification"). */
  verificationWanted?: string | null;
  /** A fresh code's hash, used if this run asks for step-up verification. */
  newCodeHash: string;
  provider: string;
}

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
  };
}

/**
 * One agent run: from where the thread stands and what the customer just wrote, decide the facts
 * to record, the one reply to give, and what to send. Pure: the shell assembles the input and
 * carries out the plan, exactly once per (thread, version).
 */
export function planAgentRun(input: AgentRunInput): AgentRunPlan {
  const draft = startDraft(input);
  flagInjection(draft);
  judgeCodeAttempt(draft);
  stopOnWords(draft);
  startWorkflow(draft);
  stopOnBillingDispute(draft);
  fillSlots(draft);
  stopOnConflictedSensitiveChange(draft);

  if (draft.hardStop) {
    handOff(draft, draft.hardStop, "");
  } else if (input.verificationWanted && !codeOutstanding(draft)) {
    sendRequestedCode(draft);
  } else if (!draft.silent && (!draft.verificationHandled || draft.codeMatched)) {
    answerCustomer(draft);
  }

  sendReply(draft);
  const { facts, outbound, handedOff, decisions } = draft;
  decisions.level = draft.level;
  // The cursor covers this run's own facts too: they need no run of their own.
  addFact(draft, {
    type: "agent.run_completed",
    upTo: input.version + facts.length + 1,
    provider: input.provider,
  });
  return { facts, outbound, handedOff, decisions };
}
