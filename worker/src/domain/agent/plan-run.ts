import type { Channel } from "../channel-event";
import { triedASecondSignal, unconfirmedOf } from "../contact-confirmation";
import { orderIdKey } from "../identifiers";
import type { IdentityLevel } from "../identity-level";
import { detectInjection, type HardStopCode, type WorkflowId } from "../intent";
import { readMessage } from "../language/read-message";
import { findReferences } from "../language/references";
import { mergeSlots, type SlotName, type Slots } from "../slots";
import type { RiskFlagName, ThreadEvent } from "../thread-events";
import { channelName, threadStatus, type ThreadState } from "../thread-state";
import { addHours, isBefore } from "../time";
import { currentStep, type WorkflowProgress } from "../workflow-view";
import { WORKFLOWS } from "../workflows";
import type { ContextCards, OrderFacts } from "./cards";
import { generalAnswer } from "./general-answers";
import {
  CODE_ATTEMPTS,
  FAILED_VERIFICATION_WINDOW_HOURS,
  CODE_TTL_MINUTES,
  HARD_STOP_REASONS,
  MAX_FAILED_VERIFICATIONS,
  mayDiscussOrder,
} from "./policy";
import * as say from "./replies";

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

type Fact = ThreadEvent extends infer E
  ? E extends ThreadEvent
    ? Omit<E, "key" | "at" | "group" | "part">
    : never
  : never;

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

const RISK_OF: Record<HardStopCode, RiskFlagName> = {
  suspected_takeover: "suspected_takeover",
  payment_dispute: "payment_dispute",
  sensitive_change_unverified: "sensitive_change_unverified",
  regulated_advice: "regulated_advice",
  repeated_failed_verification: "verification_failed",
  tool_outage: "tool_outage",
};

/** Workflows whose purpose is a sensitive change: without a possible step-up they stop at once. */
const SENSITIVE: WorkflowId[] = ["address_change", "password_reset"];

/**
 * Order numbers the customer marked as such ("order #99817", "W4471210") that the order system
 * did not confirm: they never reached the thread's orders.
 */
function ordersNotFound(messages: RunMessage[], state: ThreadState): string[] {
  // "o r d 55102" read out is the stored "ORD-55102".
  const known = new Set(state.orderIds.map(orderIdKey));
  const written = messages.flatMap((m) =>
    findReferences(m.text, m.channel).orders.filter(
      (c) => c.strength === "cued" && c.cue !== "brackets" && !known.has(orderIdKey(c.id)),
    ),
  );
  return [...new Set(written.map((c) => c.written))].slice(0, 2);
}

/** The hard stop the customer's words reveal, most serious first (DESIGN §5). */
function wordedHardStop(messages: RunMessage[]): HardStopCode | null {
  const said = new Set(messages.flatMap((m) => readMessage(m.text, m.channel).hardStops));
  const order: HardStopCode[] = ["suspected_takeover", "payment_dispute", "regulated_advice"];
  return order.find((code) => said.has(code as never)) ?? null;
}

function eligible(order: OrderFacts, at: string): boolean {
  if (order.status !== "delivered") return false;
  return order.returnWindowEndsAt ? !isBefore(order.returnWindowEndsAt, at) : false;
}

/**
 * One agent run: from where the thread stands and what the customer just wrote, decide the facts
 * to record, the one reply to give, and what to send. Pure: the shell assembles the input and
 * carries out the plan, exactly once per (thread, version).
 */
export function planAgentRun(input: AgentRunInput): AgentRunPlan {
  const { state, version, messages, cards } = input;
  const newest = messages[messages.length - 1];
  const at = newest?.at ?? state.lastEventAt;
  const contactId =
    input.verificationWanted ??
    newest?.contactId ??
    state.contacts[state.contacts.length - 1]?.id ??
    "";
  const contact = state.contacts.find((c) => c.id === contactId);
  const text = messages.map((m) => m.text).join("\n");
  const facts: ThreadEvent[] = [];
  const outbound: Outbound[] = [];
  const decisions: AgentRunPlan["decisions"] = {
    asked: [],
    verificationPrompt: false,
    hardStop: null,
    actions: [],
    level: contact?.resolution.level ?? "unknown",
  };
  const add = (fact: Fact) => {
    facts.push({
      ...fact,
      key: `agent:${version}#${facts.length}`,
      at,
      group: `agent:${version}`,
      part: facts.length,
    } as ThreadEvent);
  };
  const parts: string[] = [];
  let purpose: "question" | "answer" | "verification" | "handoff" | "status" = "answer";
  let hardStop: HardStopCode | null = null;
  let handedOff: AgentRunPlan["handedOff"] = null;
  let level: IdentityLevel = contact?.resolution.level ?? "unknown";
  const customerResolved = Boolean(contact?.resolution.customerId) && !contact?.resolution.conflict;
  // Tied to the customer by an order number alone (DESIGN §4): it unlocks nothing, and a code
  // sent back through its own channel would prove only that it reads its own channel.
  const unconfirmed = unconfirmedOf(contact) !== null;
  const silent = state.control === "human";
  const candidateOrders = [...new Set(state.candidates.flatMap((c) => c.orderIds ?? []))];
  const codeVia = input.delivery.conversationId
    ? ("messaging" as const)
    : input.delivery.ticketId
      ? ("ticket_public" as const)
      : null;

  const requestCode = () => {
    if (!codeVia || unconfirmed) return false;
    add({
      type: "verification.requested",
      contactId,
      channel: contact?.channel ?? "api",
      codeHash: input.newCodeHash,
      expiresAt: addHours(at, CODE_TTL_MINUTES / 60),
      attempts: CODE_ATTEMPTS,
    });
    outbound.push({
      kind: "code",
      via: codeVia,
      ...(input.delivery.conversationId
        ? { conversationId: input.delivery.conversationId }
        : { ticketId: input.delivery.ticketId! }),
    });
    decisions.verificationPrompt = true;
    return true;
  };

  if (detectInjection(text))
    add({
      type: "risk.flagged",
      flag: "prompt_injection",
      reason:
        "The message tried to change the agent's instructions; nothing it asks is permitted by that.",
      contactId,
    });

  // A pending one-time code and six digits from the same contact: judge the attempt.
  const pending = state.verification.pending;
  let verificationHandled = false;
  const attempt = [...messages]
    .reverse()
    .find((m) => m.contactId === contactId && m.codeAttempt)?.codeAttempt;
  const codeExpired = pending !== null && !isBefore(at, pending.expiresAt);
  const codeMatched = attempt !== undefined && attempt === pending?.codeHash && !codeExpired;
  if (pending && pending.contactId === contactId && attempt) {
    verificationHandled = true;
    if (codeExpired) {
      add({ type: "verification.failed", contactId, reason: "expired" });
      // While a person has the thread, the agent sends nothing, not even a fresh code.
      if (!silent && requestCode()) parts.push(say.CODE_EXPIRED);
      purpose = "verification";
    } else if (codeMatched) {
      add({ type: "verification.passed", contactId, method: "otp", passedAt: at });
      if (customerResolved) level = "high";
    } else {
      add({ type: "verification.failed", contactId, reason: "wrong_code" });
      add({
        type: "risk.flagged",
        flag: "verification_failed",
        reason: "A wrong one-time code was entered.",
        contactId,
      });
      // Wrong codes count within a window, and only since this contact last passed.
      const windowStart = addHours(at, -FAILED_VERIFICATION_WINDOW_HOURS);
      const lastPass =
        contact?.verifications
          .map((v) => v.passedAt)
          .sort()
          .at(-1) ?? null;
      const failures =
        state.verification.failures.filter(
          (f) =>
            f.contactId === contactId &&
            f.reason === "wrong_code" &&
            !isBefore(f.at, windowStart) &&
            (lastPass === null || isBefore(lastPass, f.at)),
        ).length + 1;
      if (failures >= MAX_FAILED_VERIFICATIONS) hardStop = "repeated_failed_verification";
      else {
        parts.push(say.wrongCode(pending.attemptsLeft - 1));
        purpose = "verification";
      }
    }
  }

  // Each message is read in its own channel's way; the most serious stop any of them says wins.
  if (!hardStop) hardStop = wordedHardStop(messages);

  let workflow: WorkflowProgress | null = state.workflow;
  const intent = input.interpretation.intent;
  // On a thread the customer's own contacts are on, what an unconfirmed contact asks for starts
  // nothing. A thread it is alone on is its own request: that may be named, nothing more.
  const customerOnThread = state.contacts.some(
    (c) =>
      c.id !== contactId &&
      !c.unconfirmed &&
      c.resolution.customerId !== null &&
      c.resolution.customerId === state.customerId,
  );
  if (!workflow && intent && !(unconfirmed && customerOnThread)) {
    add({
      type: "workflow.started",
      workflow: intent,
      version: WORKFLOWS[intent].version,
      reason: `classified by ${input.provider}`,
    });
    workflow = {
      id: intent,
      version: WORKFLOWS[intent].version,
      startedAt: at,
      reason: input.provider,
      completed: {},
      denied: null,
    };
  }
  if (!hardStop && workflow?.id === "billing_dispute" && !state.agent.handoff)
    hardStop = "payment_dispute";

  let slots = state.slots;
  const modelSlots = Object.fromEntries(
    Object.entries(unconfirmed ? {} : input.interpretation.slots).filter(
      ([name]) => !slots[name as SlotName],
    ),
  ) as Slots;
  if (Object.keys(modelSlots).length > 0) {
    add({ type: "slots.filled", contactId, slots: modelSlots, source: "model" });
    slots = mergeSlots(slots, modelSlots);
  }
  // Only the thread's own customer's order can say which item this is about.
  if (
    !slots.items &&
    !unconfirmed &&
    cards.order.status === "found" &&
    cards.order.order.customerId === state.customerId
  ) {
    // One item: it is that one. Several: the ones the customer named, word for word.
    const items = cards.order.order.items;
    const named =
      items.length === 1
        ? items
        : items.filter((item) =>
            item.name
              .toLowerCase()
              .split(/\s+/)
              .some(
                (word) =>
                  word.length > 2 &&
                  new RegExp(`\\b${word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}s?\\b`, "i").test(
                    text,
                  ),
              ),
          );
    if (named.length > 0) {
      const filled: Slots = {
        items: { value: named.map((item) => item.name).join(", "), source: "order", at },
      };
      add({ type: "slots.filled", contactId, slots: filled, source: "order" });
      slots = mergeSlots(slots, filled);
    }
  }

  const conflict =
    Boolean(contact?.resolution.conflict) ||
    state.riskFlags.some((f) => f.flag === "identity_conflict");
  if (!hardStop && workflow && SENSITIVE.includes(workflow.id) && conflict)
    hardStop = "sensitive_change_unverified";

  if (hardStop) {
    handOff(hardStop, "");
  } else if (
    input.verificationWanted &&
    !(pending?.contactId === contactId && isBefore(at, pending.expiresAt))
  ) {
    // A person asked: send the code even while they have the conversation; say so only if we speak.
    if (unconfirmed) {
      if (!silent) askForASecondSignal();
    } else if (customerResolved && requestCode() && !silent) {
      parts.push(say.sentCode(codeVia === "messaging" ? "message" : "email"));
      purpose = "verification";
    }
  } else if (!silent && (!verificationHandled || codeMatched)) {
    advance();
  }

  /** Nothing about the order, not even that it exists or is resolved: one more signal first. */
  function askForASecondSignal() {
    parts.push(say.askSecondSignal(contact ? triedASecondSignal(contact) : false));
    decisions.verificationPrompt = true;
    purpose = "verification";
  }

  function advance() {
    if (unconfirmed) {
      // General answers are for anyone; everything about the order waits for a second signal.
      const answer = generalAnswer(text);
      if (answer) parts.push(answer);
      askForASecondSignal();
      return;
    }
    // A resolved thread is not questioned further; a new one about the same order offers to reopen.
    if (threadStatus(state) !== "open") {
      parts.push(say.ALREADY_RESOLVED);
      purpose = "status";
      return;
    }
    const reopen = state.candidates.filter((c) => c.reason === "reopen");
    if (reopen.length > 0 && state.agent.replies.length === 0)
      parts.push(say.reopenOffer([...new Set(reopen.flatMap((c) => c.orderIds ?? []))]));
    if (!workflow) {
      const answer = generalAnswer(text);
      if (answer) parts.push(answer);
      else if (state.candidates.length > 0 && !slots.order_id) {
        parts.push(say.askWhichOrder(candidateOrders));
        decisions.asked.push("order_id");
        purpose = "question";
      } else if (messages.length > 0) {
        parts.push(say.GREETING);
        purpose = "question";
      }
      return;
    }
    if (workflow.denied) {
      parts.push(say.denied(workflow.denied.reason));
      purpose = "status";
      return;
    }
    const progress: WorkflowProgress = { ...workflow, completed: { ...workflow.completed } };
    for (let guard = 0; guard < 12; guard++) {
      const step = currentStep(progress, slots, level);
      if (!step) {
        // Asking again about an order's status deserves today's status, not "done".
        if (
          progress.id === "order_status" &&
          !decisions.actions.some((a) => a.startsWith("report_status:")) &&
          cards.order.status === "found" &&
          mayDiscussOrder(cards, state.customerId, level)
        ) {
          parts.push(say.orderStatus(cards.order.order));
          purpose = "status";
        } else {
          parts.push(say.DONE);
        }
        return;
      }
      switch (step.kind) {
        case "collect": {
          const missing = step.requires.filter((slot) => !slots[slot]);
          const unknownOrders = missing.includes("order_id") ? ordersNotFound(messages, state) : [];
          if (missing.includes("order_id") && state.candidates.length > 0) {
            parts.push(say.askWhichOrder(candidateOrders));
          } else if (unknownOrders.length > 0) {
            // Never ask for what the customer just wrote: say the number was not found instead.
            parts.push(say.orderNotFound(unknownOrders));
          } else {
            const held = WORKFLOWS[progress.id].steps
              .flatMap((s) => s.requires)
              .filter((slot, i, all) => slots[slot] && all.indexOf(slot) === i);
            parts.push(say.askFor(missing, held));
          }
          decisions.asked.push(...missing.slice(0, 1));
          purpose = "question";
          return;
        }
        case "verify": {
          if (step.minLevel !== "high") {
            // A name and zip already given did not match: ask for the email instead.
            const nameZipHeld = slots.name_zip !== undefined;
            parts.push(say.askSecondFactor(level, nameZipHeld));
            decisions.asked.push(nameZipHeld ? "email" : "name_zip");
            purpose = "question";
            return;
          }
          if (
            pending &&
            pending.contactId === contactId &&
            isBefore(at, pending.expiresAt) &&
            !verificationHandled
          ) {
            parts.push(
              `Please reply with the 6-digit code I sent by ${channelName(pending.channel)}.`,
            );
            purpose = "verification";
            return;
          }
          if (customerResolved && requestCode()) {
            parts.push(say.sentCode(codeVia === "messaging" ? "message" : "email"));
            purpose = "verification";
            return;
          }
          handOff(
            SENSITIVE.includes(progress.id) ? "sensitive_change_unverified" : "needs_person",
            "I can't verify your identity on this channel",
          );
          return;
        }
        case "check":
        case "inform": {
          const work = step.work;
          if (cards.order.status === "unavailable" && work !== "send_reset_link") {
            handOff("tool_outage", "");
            return;
          }
          if (work === "send_reset_link") {
            complete(step.id, "sent");
            parts.push(say.RESET_LINK);
            continue;
          }
          if (!mayDiscussOrder(cards, state.customerId, level) || cards.order.status !== "found") {
            parts.push(
              `I couldn't find that order on your account. Could you check the order number? I need it ${"so I can find the right order"}.`,
            );
            decisions.asked.push("order_id");
            purpose = "question";
            return;
          }
          const order = cards.order.order;
          switch (work) {
            case "report_status":
              complete(step.id, order.status);
              parts.push(say.orderStatus(order));
              purpose = "status";
              continue;
            case "send_return_label":
              complete(step.id, "label_sent");
              parts.push(say.returnLabel(order));
              continue;
            case "check_changeable": {
              const changeable = order.status === "pending" || order.status === "processed";
              complete(step.id, changeable ? "changeable" : "already_shipped");
              if (!changeable) {
                handOff(
                  "needs_person",
                  "the order has already shipped, so a colleague will look at rerouting it",
                );
                return;
              }
              continue;
            }
            case "check_return_window": {
              const ok = eligible(order, at);
              complete(step.id, ok ? "eligible" : "not_eligible");
              parts.push(say.eligibility(order, ok));
              if (!ok) {
                handOff("needs_person", "the order is outside its return window");
                return;
              }
              continue;
            }
            default: {
              // A step naming work this table lacks does not compile.
              const unknown: never = work;
              throw new Error(`no handler for ${String(unknown)}`);
            }
          }
        }
        case "approval":
        case "human": {
          if (state.agent.handoff) {
            parts.push(
              `A colleague is still on "${step.title.toLowerCase()}"; I'll make sure they see your message.`,
            );
            purpose = "status";
          } else {
            handOff("needs_person", `${step.title.toLowerCase()} needs a person`, step.title);
          }
          return;
        }
      }
    }

    function complete(stepId: string, outcome: string) {
      progress.completed[stepId] = { by: "ai", outcome, at };
      add({ type: "workflow.step_completed", stepId, by: "ai", outcome });
      decisions.actions.push(`${stepId}:${outcome}`);
    }
  }

  function handOff(code: HardStopCode | "needs_person", detail: string, stepTitle?: string) {
    handedOff = code;
    purpose = "handoff";
    if (code === "needs_person") {
      add({ type: "agent.handed_off", code, reason: detail });
      parts.push(stepTitle ? say.waitingOnPerson(stepTitle) : say.handoff(code, detail));
      return;
    }
    // A hard stop: flag it, say why and that a person continues, and give the person control.
    parts.length = 0;
    decisions.hardStop = code;
    add({ type: "risk.flagged", flag: RISK_OF[code], reason: HARD_STOP_REASONS[code], contactId });
    add({ type: "agent.handed_off", code, reason: HARD_STOP_REASONS[code] });
    if (!silent)
      add({
        type: "control.changed",
        owner: "human",
        reason: `hard stop: ${code.replace(/_/g, " ")}`,
      });
    parts.push(say.handoff(code, detail));
  }

  const replyText = parts.join(" ");
  // Assigned in the helpers above; TypeScript cannot follow that, so read it as its declared type.
  const finalPurpose = purpose as typeof purpose | "handoff" | "question" | "status";
  if (replyText && !silent && contact) {
    // An unconfirmed contact without a ticket of its own is not answered on the customer's ticket.
    const ownTicket = contact.links.some(
      (l) => l.kind === "ticket" && l.id === input.delivery.ticketId,
    );
    const via =
      input.delivery.conversationId && state.control === "ai"
        ? "messaging"
        : input.delivery.ticketId && input.autoReply && (ownTicket || !unconfirmed)
          ? "ticket_public"
          : "draft";
    add({
      type: "agent.replied",
      contactId,
      channel: contact.channel,
      text: replyText,
      delivery: via,
      purpose: finalPurpose,
      ...(decisions.asked.length > 0 && { asks: [...new Set(decisions.asked)] }),
    });
    if (via === "messaging")
      outbound.push({
        kind: "reply",
        via,
        text: replyText,
        conversationId: input.delivery.conversationId!,
      });
    if (via === "ticket_public")
      outbound.push({ kind: "reply", via, text: replyText, ticketId: input.delivery.ticketId! });
  }
  decisions.level = level;
  // The cursor covers this run's own facts too: they need no run of their own.
  add({ type: "agent.run_completed", upTo: version + facts.length + 1, provider: input.provider });
  return { facts, outbound, handedOff, decisions };
}
