import type { HardStopCode } from "../intent";
import type { RiskFlagName } from "../thread-events";
import { HARD_STOP_REASONS } from "./policy";
import * as say from "./replies";
import { addFact, type RunDraft } from "./run-draft";

const RISK_OF: Record<HardStopCode, RiskFlagName> = {
  suspected_takeover: "suspected_takeover",
  payment_dispute: "payment_dispute",
  sensitive_change_unverified: "sensitive_change_unverified",
  regulated_advice: "regulated_advice",
  repeated_failed_verification: "verification_failed",
  tool_outage: "tool_outage",
};

/** Gives the thread to a person: a hard stop, or a step the agent may not take itself. */
export function handOff(
  draft: RunDraft,
  code: HardStopCode | "needs_person",
  detail: string,
  stepTitle?: string,
  /** What the customer is told, when it is not the reason itself. */
  told?: string,
): void {
  const { parts, contactId } = draft;
  draft.handedOff = code;
  draft.purpose = "handoff";
  // The tenant's opening hours, when it set them, tell the customer when a person will answer.
  const hours = draft.input.policy?.openingHours;
  if (code === "needs_person") {
    addFact(draft, { type: "agent.handed_off", code, reason: detail });
    parts.push(told ?? (stepTitle ? say.waitingOnPerson(stepTitle) : say.handoff(code, detail)));
    if (hours) parts.push(say.openingHours(hours));
    return;
  }
  // A hard stop: flag it, say why and that a person continues, and give the person control.
  parts.length = 0;
  draft.decisions.hardStop = code;
  addFact(draft, {
    type: "risk.flagged",
    flag: RISK_OF[code],
    reason: HARD_STOP_REASONS[code],
    contactId,
  });
  addFact(draft, { type: "agent.handed_off", code, reason: HARD_STOP_REASONS[code] });
  if (!draft.silent)
    addFact(draft, {
      type: "control.changed",
      owner: "human",
      reason: `hard stop: ${code.replace(/_/g, " ")}`,
    });
  parts.push(say.handoff(code, detail));
  if (hours) parts.push(say.openingHours(hours));
}
