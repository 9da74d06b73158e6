import { auditActor, person } from "../domain/actor";
import { auditTrail } from "../domain/audit-trail";
import { planTransfer, transferGroup, type TransferRequest } from "../domain/transfer";
import type { ThreadEvent } from "../domain/thread-events";
import type { ThreadState } from "../domain/thread-state";
import { controlRow, noteRowsOwed, type OutboxRowInput } from "../delivery/notes";
import type { Env } from "../env";
import { outboxKind } from "../integrations/registry";
import { sealOutboxPayload } from "../security/outbox-payload";
import { anyRecorded, type LinkedThread } from "../store/threads";
import type { LoadedTenant } from "../tenancy/tenants";
import { commitChange } from "./commit";
import { dispatch } from "./dispatch";
import { liveConversation, releaseOwed } from "./live-conversation";
import { stateAfter } from "./state-after";

export type TransferOutcome =
  | { kind: "committed"; state: ThreadState; version: number }
  /** This request was recorded before: nothing changes, nothing is sent again. */
  | { kind: "already_recorded" }
  | { kind: "refused"; reason: string }
  /** The thread moved since the version acted on. */
  | { kind: "stale" };

/** Whether this transfer request is already in the thread's log. */
export function transferRecorded(env: Env, tenantId: string, threadId: string, requestId: string) {
  return anyRecorded(env.DB, tenantId, threadId, [`${transferGroup(requestId)}#0`]);
}

/**
 * Control changing hands in the live session, as one change: the facts (keyed by the request, so
 * a redelivery is refused by the log), the audit entries with role and identity, and what the
 * customer is owed (the AI's "who is joining" message, and the conversation passed to the agent
 * workspace) in the outbox of the same batch, so an outage loses nothing and repeats nothing.
 */
export async function transferControl(
  env: Env,
  tenant: LoadedTenant,
  linked: LinkedThread,
  version: number,
  request: TransferRequest,
): Promise<TransferOutcome> {
  const tenantId = tenant.config.id;
  const threadId = linked.threadId;
  if (await transferRecorded(env, tenantId, threadId, request.requestId))
    return { kind: "already_recorded" };
  const now = new Date().toISOString();
  const live = liveConversation(linked.state);
  const plan = planTransfer(linked.state, request, now, live);
  if (!plan.ok) return { kind: "refused", reason: plan.reason };
  const group = transferGroup(request.requestId);
  const facts = plan.facts.map(
    (fact, i) => ({ ...fact, key: `${group}#${i}`, group, part: i }) as ThreadEvent,
  );
  const read = { state: linked.state, version };
  const next = await stateAfter(
    env.DB,
    tenantId,
    threadId,
    read,
    tenant.config.policy,
    linked.state.openedAt,
  )(facts);
  const after = version + facts.length;
  const outbox: OutboxRowInput[] = [
    ...(await noteRowsOwed(env, tenant.config, linked.state, next)),
    ...(await releaseOwed(env, tenant.config, linked.state, next, after)),
  ];
  if (plan.told && live) {
    const id = `transfer:${threadId}:${request.requestId}`;
    outbox.push({
      id,
      threadId,
      kind: outboxKind(live.origin, "message"),
      target: live.conversationId,
      payload: await sealOutboxPayload(env.SECRETS_KEY, tenantId, id, {
        text: plan.told,
        public: true,
      }),
    });
  }
  // A person taking a messaging conversation from the AI answers it in the agent workspace.
  if (request.to === "human" && linked.state.control === "ai" && live)
    outbox.push(
      await controlRow(env, tenant.config, next, { operation: "pass_control", ...live }, after),
    );
  const actor = auditActor(person(request.by.participantId));
  const outcome = await commitChange(env.DB, tenantId, {
    at: now,
    parts: [{ read, facts, state: next }],
    audit: auditTrail(linked.state, next, facts, now, actor),
    outbox,
    agentRunUpTo: plan.wantsAgentRun ? after : null,
  });
  if (outcome.kind === "duplicate_fact") return { kind: "already_recorded" };
  if (outcome.kind === "conflict") return { kind: "stale" };
  await dispatch(env, outcome.dispatch);
  return { kind: "committed", state: next, version: after };
}
