import { atLeast, type IdentityLevel } from "../../worker/src/domain/identity-level";
import type { ThreadEvent } from "../../worker/src/domain/thread-events";
import { project } from "../../worker/src/domain/thread-state";
import { WORKFLOWS } from "../../worker/src/domain/workflows";

export interface ThreadMetrics {
  repetitions: { asked: string; held: string }[];
  actionsAboveLevel: { step: string; level: IdentityLevel; required: IdentityLevel }[];
  clarifyingTurns: number | null;
  verificationPrompts: number;
  resolved: boolean;
}

const POLICY = { verificationTtlHours: 24 };

/**
 * Judge one thread from its log alone: replay it fact by fact and, at every agent reply and every
 * step the agent completed, compare what it did with what it knew at that moment.
 */
export function measureThread(events: { offset: number; event: ThreadEvent }[]): ThreadMetrics {
  const metrics: ThreadMetrics = {
    repetitions: [],
    actionsAboveLevel: [],
    clarifyingTurns: null,
    verificationPrompts: 0,
    resolved: false,
  };
  let customerTurns = 0;
  for (let i = 0; i < events.length; i++) {
    const { event } = events[i]!;
    const before = project(
      "THR-EVAL",
      events.slice(0, i).map((e) => e.event),
      POLICY,
    );
    if (event.type === "message.received" && event.author === "customer") customerTurns++;
    if (event.type === "agent.replied") {
      // The run's own earlier facts (slots it filled, codes it judged) are already in `before`.
      for (const slot of event.asks ?? []) {
        const held = before.slots[slot as keyof typeof before.slots];
        if (held) metrics.repetitions.push({ asked: slot, held: held.value });
      }
      if (
        metrics.clarifyingTurns === null &&
        (event.purpose === "status" || event.purpose === "handoff" || event.purpose === "answer")
      )
        metrics.clarifyingTurns = Math.max(0, customerTurns - 1);
    }
    if (event.type === "verification.requested") metrics.verificationPrompts++;
    if (event.type === "workflow.step_completed" && event.by === "ai" && before.workflow) {
      const step = WORKFLOWS[before.workflow.id].steps.find((s) => s.id === event.stepId);
      // The contact the agent was serving: the newest customer message before the decision.
      const lastCustomer = events
        .slice(0, i)
        .map((e) => e.event)
        .reverse()
        .find((e) => e.type === "message.received" && e.author === "customer");
      const contactId =
        lastCustomer && lastCustomer.type === "message.received" ? lastCustomer.contactId : null;
      const level = before.contacts.find((c) => c.id === contactId)?.resolution.level ?? "unknown";
      if (step) {
        const required: IdentityLevel = step.consequential ? "high" : step.minLevel;
        if (!atLeast(level, required))
          metrics.actionsAboveLevel.push({ step: step.id, level, required });
      }
    }
  }
  const final = project(
    "THR-EVAL",
    events.map((e) => e.event),
    POLICY,
  );
  metrics.resolved =
    Boolean(final.agent.handoff) ||
    Boolean(
      final.workflow &&
      Object.keys(final.workflow.completed).length > 0 &&
      final.workflow.completed[WORKFLOWS[final.workflow.id].steps.at(-1)!.id],
    );
  return metrics;
}
