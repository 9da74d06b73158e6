import { actorName, factBy, person } from "./actor";
import type { ThreadEvent } from "./thread-events";
import { threadStatus, type ContactState, type ThreadState } from "./thread-state";
import { WORKFLOWS } from "./workflows";
import { atLeast } from "./identity-level";
import { attendanceActor } from "./live-session";

/** One audit event: ids, time and actor, never a raw identifier (masked forms and ids only). */
export interface AuditEntry {
  at: string;
  actor: string;
  action: string;
  threadId?: string | null;
  data?: Record<string, unknown>;
}

function levelReason(contact: ContactState): string {
  const r = contact.resolution;
  if (contact.chosen) return `chosen by ${actorName(contact.chosen.by)}`;
  if (r.conflict) return r.conflict.reason;
  if (r.verification && !r.verification.expired) return `verified by ${r.verification.method}`;
  if (r.verification?.expired) return "verification expired";
  if (r.support.length > 0) return `evidence: ${r.support.join(", ")}`;
  return "no matching evidence";
}

function workflowTransition(
  fact: Extract<ThreadEvent, { type: "workflow.step_completed" | "workflow.step_denied" }>,
  after: ThreadState,
  contact: ContactState | undefined,
): Record<string, unknown> {
  const workflow = after.workflow ? WORKFLOWS[after.workflow.id] : null;
  const step = workflow?.steps.find((s) => s.id === fact.stepId);
  const level = contact?.resolution.level ?? "unknown";
  const requires = step?.requires ?? [];
  return {
    workflow: after.workflow?.id ?? null,
    step: fact.stepId,
    to: fact.type === "workflow.step_completed" ? "done" : "denied",
    by: fact.by,
    prerequisites: {
      met: requires.filter((slot) => after.slots[slot]),
      missing: requires.filter((slot) => !after.slots[slot]),
      level: { needed: step?.minLevel ?? "unknown", had: level },
      levelMet: step ? atLeast(level, step.minLevel) : false,
    },
  };
}

/**
 * What a write did to a thread, as audit events: the thread opening and closing, evidence seen
 * (masked), confidence moving and why, verifications done and lapsed, workflow transitions with
 * their prerequisites, handoffs, and people's edits. Pure: the shell adds what needs I/O (payload
 * digests, tool timings).
 */
export function auditTrail(
  before: ThreadState | null,
  after: ThreadState,
  facts: ThreadEvent[],
  at: string,
  actor: string,
): AuditEntry[] {
  const threadId = after.id;
  const entries: AuditEntry[] = [];
  const add = (action: string, data: Record<string, unknown>, by = actor) =>
    entries.push({ at, actor: by, action, threadId, data });

  if (!before) add("thread.created", { channel: after.contacts[0]?.channel ?? null });
  for (const fact of facts) {
    switch (fact.type) {
      case "identity.observed":
        add("identity.signal_observed", {
          contactId: fact.contactId,
          signals: fact.signals.map((s) => ({
            kind: s.kind,
            masked: s.masked,
            matched: s.owners.length > 0,
          })),
        });
        break;
      case "verification.passed":
        add("verification.completed", { contactId: fact.contactId, method: fact.method });
        break;
      case "workflow.started":
        add("workflow.transition", {
          workflow: fact.workflow,
          step: null,
          to: "started",
          reason: fact.reason,
        });
        break;
      case "workflow.step_completed":
      case "workflow.step_denied": {
        const contact = after.contacts.at(-1);
        add("workflow.transition", workflowTransition(fact, after, contact));
        break;
      }
      case "agent.handed_off":
        add("handoff", { code: fact.code, reason: fact.reason });
        break;
      case "summary.edited":
        add("human.edit", { field: "summary", category: fact.category }, fact.by);
        break;
      case "identity.resolved":
        add("human.edit", { field: "identity", customerId: fact.customerId }, fact.by);
        break;
      case "control.transferred":
        add(
          "control.transferred",
          {
            kind: fact.to === "ai" ? "handback" : fact.from ? "takeover" : fact.mode,
            to: fact.to,
            role: fact.by.role,
            participantId: fact.by.participantId,
            from: fact.from && { role: fact.from.role, participantId: fact.from.participantId },
          },
          factBy(person(fact.by.participantId)),
        );
        break;
      case "ai.joined":
      case "ai.left":
        add(
          fact.type === "ai.joined" ? "session.joined" : "session.left",
          { role: "ai", participantId: "ai", reason: fact.reason },
          "system:live-session",
        );
        break;
      case "participant.joined":
      case "participant.left": {
        const { role, participantId, label, connection } = fact;
        add(
          fact.type === "participant.joined" ? "session.joined" : "session.left",
          { role, participantId, label, connection },
          attendanceActor(fact),
        );
        break;
      }
    }
  }
  for (const contact of after.contacts) {
    const was = before?.contacts.find((c) => c.id === contact.id);
    const from = was?.resolution.level ?? "unknown";
    const to = contact.resolution.level;
    if (from !== to)
      add("identity.level_changed", {
        contactId: contact.id,
        from,
        to,
        reason: levelReason(contact),
      });
    // Whether its words count as the customer's (DESIGN §4): when that changes, and why.
    const doubted = contact.unconfirmed ?? null;
    if ((was?.unconfirmed ?? null) !== doubted)
      add(doubted ? "identity.unconfirmed" : "identity.confirmed", {
        contactId: contact.id,
        ...(doubted ? { reason: doubted } : { by: levelReason(contact) }),
      });
    const lapsed =
      was?.resolution.verification &&
      !was.resolution.verification.expired &&
      contact.resolution.verification?.expired;
    if (lapsed)
      add("verification.expired", {
        contactId: contact.id,
        method: contact.resolution.verification!.method,
        expiresAt: contact.resolution.verification!.expiresAt,
      });
  }
  for (const flag of after.riskFlags) {
    if (before?.riskFlags.some((b) => b.flag === flag.flag && b.contactId === flag.contactId))
      continue;
    add("risk.flagged", { flag: flag.flag, contactId: flag.contactId ?? null });
  }
  const was = before ? threadStatus(before) : "open";
  const now = threadStatus(after);
  if (was === "open" && now !== "open")
    add("thread.closed", {
      resolution: now,
      channel: after.contacts.at(-1)?.channel ?? null,
      handedOff: after.agent.handoff !== null || after.control === "human",
    });
  return entries;
}
