import type { Channel, ControlOwner } from "./channel-event";
import type { Holder, ThreadEvent, TransferMode, UnplacedEvent } from "./thread-events";
import type { ThreadState } from "./thread-state";
import { holdOf } from "./thread-state/control";

export { holdOf } from "./thread-state/control";

/**
 * Control of a conversation changing hands in the thread's live session (issue 13):
 *
 * - **warm**: a person takes the conversation from the AI; the AI stays in the session, tells the
 *   customer who is joining and that they can see everything so far, and leaves when the person
 *   first writes to the customer;
 * - **cold**: the AI leaves at once; the person has the whole history in front of them;
 * - **handback**: the person gives the conversation back; the AI resumes at the current step;
 * - **supervisor takeover**: a supervisor takes the conversation from the person who has it.
 *
 * A supervisor who only watches attaches to the session and changes nothing here.
 */

/** A person asking for the conversation, or giving it back. */
export interface TransferRequest {
  /** The requester's id for this transfer: the same request twice is recorded once. */
  requestId: string;
  to: ControlOwner;
  /** Taking the conversation from the AI: warm unless the person chooses cold. */
  mode?: TransferMode;
  by: Holder;
}

/** The customer's conversation the AI can speak into now, if any (a live messaging channel). */
export interface LiveConversation {
  contactId: string;
  channel: Channel;
}

export type TransferPlan =
  | {
      ok: true;
      facts: UnplacedEvent[];
      /** What the AI tells the customer in their live conversation; null when it says nothing. */
      told: string | null;
      wantsAgentRun: boolean;
    }
  | { ok: false; reason: string };

/**
 * Warm is what a person taking over expects: the customer is told someone is joining and does
 * not sit in silence, and the AI is still there until the person writes (docs/decisions.md).
 */
export const DEFAULT_TRANSFER_MODE: TransferMode = "warm";

/** The facts of one transfer request, keyed by the request so a redelivery changes nothing. */
export function transferGroup(requestId: string): string {
  return `human:transfer:${requestId}`;
}

/** Only a first name reaches the customer: enough to know who is there, no more. */
export function firstName(name: string): string {
  return name.trim().split(/\s+/)[0] || "A colleague";
}

/** What the AI says in a warm transfer. */
export function joiningText(name: string): string {
  return `${firstName(name)} from our team is joining this conversation. They can see everything we've talked about so far, so you won't need to repeat anything.`;
}

export function planTransfer(
  state: ThreadState,
  request: TransferRequest,
  at: string,
  live: LiveConversation | null,
): TransferPlan {
  const hold = holdOf(state);
  const { by } = request;
  const holder = hold.holder;
  const transferred = (from: Holder | null, mode: TransferMode | null): UnplacedEvent => ({
    type: "control.transferred",
    at,
    to: request.to,
    mode,
    by,
    from,
    request: request.requestId,
  });

  if (request.to === "ai") {
    if (state.control === "ai")
      return { ok: false, reason: "The AI agent already has this conversation." };
    if (holder && holder.participantId !== by.participantId && by.role !== "supervisor")
      return {
        ok: false,
        reason: `${holder.name} has this conversation: only they or a supervisor can hand it back.`,
      };
    const facts: UnplacedEvent[] = [
      { type: "control.changed", at, owner: "ai", reason: `handed back by ${by.participantId}` },
      transferred(holder, null),
    ];
    if (hold.ai === "absent") facts.push({ type: "ai.joined", at, reason: "handed_back" });
    // The agent resumes where the workflow stands: its run reads the step from the state.
    return { ok: true, facts, told: null, wantsAgentRun: true };
  }

  if (state.control === "human" && holder) {
    if (holder.participantId === by.participantId)
      return { ok: false, reason: "You already have this conversation." };
    if (by.role !== "supervisor")
      return {
        ok: false,
        reason: `${holder.name} has this conversation: a supervisor can take it over.`,
      };
    // Person to person: the AI's place in the session does not change, and the customer
    // carries on with a person; the one who had it is told through the session.
    return { ok: true, facts: [transferred(holder, null)], told: null, wantsAgentRun: false };
  }

  // From the AI, or claiming a conversation the AI handed to nobody in particular.
  const mode = request.mode ?? DEFAULT_TRANSFER_MODE;
  const facts: UnplacedEvent[] = [];
  if (state.control === "ai")
    facts.push({
      type: "control.changed",
      at,
      owner: "human",
      reason: `taken over by ${by.participantId} (${mode})`,
    });
  facts.push(transferred(null, mode));
  let told: string | null = null;
  if (mode === "cold") {
    if (hold.ai !== "absent") facts.push({ type: "ai.left", at, reason: "cold_transfer" });
  } else if (hold.ai !== "absent" && live) {
    told = joiningText(by.name);
    facts.push({
      type: "agent.replied",
      at,
      contactId: live.contactId,
      channel: live.channel,
      text: told,
      delivery: "messaging",
      purpose: "handoff",
    });
  }
  return { ok: true, facts, told, wantsAgentRun: false };
}

/**
 * In a warm transfer the AI leaves when the person first writes to the customer: the fact that
 * records it, placed right after that message and keyed by it (so a redelivery adds nothing).
 */
export function aiLeavesOnFirstMessage(
  before: Pick<ThreadState, "session" | "control"> | null,
  facts: ThreadEvent[],
): ThreadEvent[] {
  if (!before || before.control !== "human" || holdOf(before).ai !== "staying") return [];
  const first = facts.find(
    (f) => f.type === "message.received" && f.author === "agent" && f.public,
  );
  if (!first) return [];
  const part = Math.max(...facts.filter((f) => f.group === first.group).map((f) => f.part)) + 1;
  return [
    {
      type: "ai.left",
      at: first.at,
      reason: "first_message",
      key: `${first.key}:ai-left`,
      group: first.group,
      part,
    },
  ];
}
