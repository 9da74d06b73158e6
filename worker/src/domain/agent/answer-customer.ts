import { threadStatus } from "../thread-state";
import { answerFromKnowledge, answerGeneralQuestion } from "./general-answers";
import * as say from "./replies";
import type { RunDraft } from "./run-draft";
import { askForASecondSignal } from "./verification";
import { followWorkflow } from "./workflow-steps";

/** The agent's turn when nothing stops it: answer, ask, or move the workflow on. */
export function answerCustomer(draft: RunDraft): void {
  const { state, parts, workflow } = draft;
  if (draft.unconfirmed) {
    // General answers are for anyone; everything about the order waits for a second signal, so a
    // question the Help Center cannot answer is not handed over from here.
    answerFromKnowledge(draft);
    askForASecondSignal(draft);
    return;
  }
  // A resolved thread is not questioned further; a new one about the same order offers to reopen.
  if (threadStatus(state) !== "open") {
    parts.push(say.ALREADY_RESOLVED);
    draft.purpose = "status";
    return;
  }
  const reopen = state.candidates.filter((c) => c.reason === "reopen");
  if (reopen.length > 0 && state.agent.replies.length === 0)
    parts.push(say.reopenOffer([...new Set(reopen.flatMap((c) => c.orderIds ?? []))]));
  if (!workflow) {
    if (answerGeneralQuestion(draft)) return;
    if (state.candidates.length > 0 && !draft.slots.order_id) {
      parts.push(say.askWhichOrder(draft.candidateOrders));
      draft.decisions.asked.push("order_id");
      draft.purpose = "question";
    } else if (draft.messages.length > 0) {
      parts.push(say.GREETING);
      draft.purpose = "question";
    }
    return;
  }
  if (workflow.denied) {
    parts.push(say.denied(workflow.denied.reason));
    draft.purpose = "status";
    return;
  }
  followWorkflow(draft, workflow);
}
