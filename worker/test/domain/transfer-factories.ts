import { applyEvents } from "../../src/domain/thread-state";
import type { Holder, ThreadEvent, UnplacedEvent } from "../../src/domain/thread-events";
import type { ThreadState } from "../../src/domain/thread-state";
import { planTransfer, transferGroup, type TransferRequest } from "../../src/domain/transfer";
import { CONTACT } from "./agent-factories";
import { POLICY } from "./factories";

export const DANA: Holder = { role: "agent", participantId: "A-7", name: "Dana Whitfield" };
export const SAM: Holder = { role: "agent", participantId: "A-8", name: "Sam Ortiz" };
export const LEE: Holder = { role: "supervisor", participantId: "S-1", name: "Lee Park" };
export const LIVE = { contactId: CONTACT, channel: "messaging" as const };

/** The facts of a plan, keyed and placed as the transfer use case places them. */
export function placed(requestId: string, facts: UnplacedEvent[]): ThreadEvent[] {
  const group = transferGroup(requestId);
  return facts.map((f, i) => ({ ...f, key: `${group}#${i}`, group, part: i }) as ThreadEvent);
}

/** Plan a transfer and apply it: the plan and the state after it. */
export function transferred(
  state: ThreadState,
  request: Omit<TransferRequest, "requestId"> & { requestId?: string },
  at: string,
  live: typeof LIVE | null = LIVE,
) {
  const requestId = request.requestId ?? `req-${at}`;
  const plan = planTransfer(state, { ...request, requestId }, at, live);
  if (!plan.ok) throw new Error(plan.reason);
  const facts = placed(requestId, plan.facts);
  return { plan, facts, state: applyEvents(state, facts, POLICY) };
}
