import { detectInjection, type HardStopCode, type WorkflowId } from "../intent";
import { readMessage } from "../language/read-message";
import { addFact, type RunDraft, type RunMessage } from "./run-draft";

/** Workflows whose purpose is a sensitive change: without a possible step-up they stop at once. */
export const SENSITIVE: WorkflowId[] = ["address_change", "password_reset"];

/** Flags a message that tries to rewrite the agent's instructions; the run goes on regardless. */
export function flagInjection(draft: RunDraft): void {
  if (detectInjection(draft.text))
    addFact(draft, {
      type: "risk.flagged",
      flag: "prompt_injection",
      reason:
        "The message tried to change the agent's instructions; nothing it asks is permitted by that.",
      contactId: draft.contactId,
    });
}

/** The hard stop the customer's words reveal, most serious first (DESIGN §5). */
function wordedHardStop(messages: RunMessage[]): HardStopCode | null {
  const said = new Set(messages.flatMap((m) => readMessage(m.text, m.channel).hardStops));
  const order: HardStopCode[] = ["suspected_takeover", "payment_dispute", "regulated_advice"];
  return order.find((code) => said.has(code as never)) ?? null;
}

export function stopOnWords(draft: RunDraft): void {
  // Each message is read in its own channel's way; the most serious stop any of them says wins.
  if (!draft.hardStop) draft.hardStop = wordedHardStop(draft.messages);
}

/** A billing dispute is never the agent's to handle, unless a person already has it. */
export function stopOnBillingDispute(draft: RunDraft): void {
  if (!draft.hardStop && draft.workflow?.id === "billing_dispute" && !draft.state.agent.handoff)
    draft.hardStop = "payment_dispute";
}

/** A sensitive change asked for by a contact whose identity is in conflict stops at once. */
export function stopOnConflictedSensitiveChange(draft: RunDraft): void {
  const { contact, state, workflow } = draft;
  const conflict =
    Boolean(contact?.resolution.conflict) ||
    state.riskFlags.some((f) => f.flag === "identity_conflict");
  if (!draft.hardStop && workflow && SENSITIVE.includes(workflow.id) && conflict)
    draft.hardStop = "sensitive_change_unverified";
}
