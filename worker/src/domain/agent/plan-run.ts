import { answerCustomer } from "./answer-customer";
import { handOff } from "./hand-off";
import {
  flagInjection,
  stopOnBillingDispute,
  stopOnConflictedSensitiveChange,
  stopOnWords,
} from "./hard-stops";
import { addFact, startDraft, type AgentRunInput, type AgentRunPlan } from "./run-draft";
import { sendReply } from "./send-reply";
import { fillSlots, startWorkflow } from "./understand-request";
import { codeOutstanding, judgeCodeAttempt, sendRequestedCode } from "./verification";

// The run's input and plan are defined beside the draft, which every step reads; callers of the
// run keep importing them from here.
export type {
  AgentRunInput,
  AgentRunPlan,
  Interpretation,
  Outbound,
  RunMessage,
} from "./run-draft";

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
