import { factBy, person, stepBy } from "./actor";
import type { ThreadState } from "./thread-state";
import type { UnplacedEvent } from "./thread-events";
import { threadLevel, workflowView } from "./workflow-view";

/** What a person can do to a thread from the sidebar. */
export const THREAD_ACTIONS = [
  "approve",
  "deny",
  "continue",
  "hand_back",
  "take_over",
  "request_verification",
  "record_verification",
  "resolve_conflict",
  "dismiss_candidate",
  "restore_candidate",
  "link_thread",
  "unlink_thread",
] as const;
export type ThreadAction = (typeof THREAD_ACTIONS)[number];

export interface ActionRequest {
  action: ThreadAction;
  /** The contact the person is looking at (the ticket's contact): identity gates use its level. */
  contactId: string;
  actor: string;
  reason?: string;
  method?: string;
  /** resolve_conflict: the customer the person chose. */
  customerId?: string;
  /** dismiss_candidate, restore_candidate, link_thread, unlink_thread: the other thread. */
  otherThreadId?: string;
}

export type ActionPlan =
  { ok: true; facts: UnplacedEvent[]; wantsAgentRun: boolean } | { ok: false; reason: string };

/**
 * Turn a person's action into facts, if the workflow and the customer's identity permit it. The
 * same gate as the agent's: a consequential step needs a high-identity customer, whoever clicks.
 */
export function planAction(state: ThreadState, request: ActionRequest, at: string): ActionPlan {
  const contact = state.contacts.find((c) => c.id === request.contactId);
  const level = contact?.resolution.level ?? "unknown";
  const actor = person(request.actor);
  const by = factBy(actor);
  if (request.action === "take_over") {
    if (state.control === "human")
      return { ok: false, reason: "A person already has this thread." };
    return {
      ok: true,
      facts: [
        { type: "control.changed", at, owner: "human", reason: `taken over by ${request.actor}` },
      ],
      wantsAgentRun: false,
    };
  }
  if (request.action === "hand_back") {
    if (state.control === "ai")
      return { ok: false, reason: "The AI agent already has this thread." };
    return {
      ok: true,
      facts: [
        { type: "control.changed", at, owner: "ai", reason: `handed back by ${request.actor}` },
      ],
      wantsAgentRun: true,
    };
  }
  if (request.action === "request_verification") {
    if (!contact) return { ok: false, reason: "No contact to verify." };
    if (!contact.resolution.customerId)
      return {
        ok: false,
        reason: "Resolve who the customer is first: the contact is not matched to one customer.",
      };
    if (level === "high") return { ok: false, reason: "The customer is already verified." };
    return {
      ok: true,
      facts: [{ type: "verification.wanted", at, contactId: contact.id, by }],
      wantsAgentRun: true,
    };
  }
  if (request.action === "record_verification") {
    if (!contact) return { ok: false, reason: "No contact to verify." };
    if (!contact.resolution.customerId)
      return {
        ok: false,
        reason: "Resolve who the customer is first: the contact is not matched to one customer.",
      };
    return {
      ok: true,
      facts: [
        {
          type: "verification.passed",
          at,
          contactId: contact.id,
          method: request.method ?? "agent",
          passedAt: at,
        },
      ],
      wantsAgentRun: false,
    };
  }
  if (request.action === "resolve_conflict") {
    if (!contact) return { ok: false, reason: "No contact to resolve." };
    const choices = contact.resolution.candidates;
    if (!request.customerId || !choices.includes(request.customerId))
      return {
        ok: false,
        reason:
          choices.length > 0
            ? `Choose one of the candidate customers: ${choices.join(", ")}.`
            : "There is no conflict to resolve for this contact.",
      };
    if (state.customerId && state.customerId !== request.customerId)
      return {
        ok: false,
        reason: `This thread belongs to ${state.customerId}; a thread never holds two customers.`,
      };
    return {
      ok: true,
      facts: [
        {
          type: "identity.resolved",
          at,
          contactId: contact.id,
          customerId: request.customerId,
          by,
        },
      ],
      wantsAgentRun: false,
    };
  }
  if (request.action === "dismiss_candidate" || request.action === "restore_candidate") {
    const other = request.otherThreadId;
    if (!other) return { ok: false, reason: "Say which candidate thread (otherThreadId)." };
    const dismissed = state.dismissedCandidates.includes(other);
    if (request.action === "dismiss_candidate") {
      if (!state.candidates.some((c) => c.threadId === other) || dismissed)
        return { ok: false, reason: `${other} is not an open candidate of this thread.` };
      return {
        ok: true,
        facts: [{ type: "candidate.dismissed", at, threadId: other, by }],
        wantsAgentRun: false,
      };
    }
    if (!dismissed) return { ok: false, reason: `${other} was not dismissed.` };
    return {
      ok: true,
      facts: [{ type: "candidate.restored", at, threadId: other, by }],
      wantsAgentRun: false,
    };
  }
  if (request.action === "link_thread" || request.action === "unlink_thread")
    return { ok: false, reason: "Linking threads needs both threads: see planLink." };
  if (!state.workflow) return { ok: false, reason: "This thread has no workflow yet." };
  const view = workflowView(state.workflow, state.slots, level, state.control, threadLevel(state));
  const allowed = view.actions.find((a) => a.action === request.action);
  if (!allowed || !view.currentStep)
    return { ok: false, reason: `"${request.action}" is not available at this step.` };
  if (!allowed.permitted) return { ok: false, reason: allowed.reason ?? "Not permitted." };
  const stepId = view.currentStep;
  if (request.action === "deny") {
    return {
      ok: true,
      facts: [{ type: "workflow.step_denied", at, stepId, by, reason: request.reason ?? "denied" }],
      wantsAgentRun: true,
    };
  }
  return {
    ok: true,
    facts: [
      {
        type: "workflow.step_completed",
        at,
        stepId,
        by: stepBy(actor),
        outcome: request.action === "approve" ? "approved" : (request.reason ?? "done"),
      },
    ],
    wantsAgentRun: true,
  };
}
