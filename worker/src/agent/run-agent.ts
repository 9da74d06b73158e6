import { demoOrderSystem } from "../demo/demo-orders";
import { credentialKeeper } from "../tenancy/accounts";
import { orderSystemFor } from "../connectors/orders";
import { normalizeOrderId } from "../domain/identifiers";
import {
  isMessagingProvider,
  carriesCodes,
  knowledgeSourceOf,
  outboxKind,
  ticketSystemNameOf,
  ticketSystemOf,
} from "../integrations/registry";
import { disclosureLevel, mayDiscussOrder } from "../domain/agent/policy";
import { WEB_CHAT_SOURCE } from "../domain/web-chat";
import { planAgentRun, type AgentRunPlan, type RunMessage } from "../domain/agent/plan-run";
import { auditTrail } from "../domain/audit-trail";
import type { Env } from "../env";
import { identityKey } from "../security/keys";
import { sealOutboxPayload } from "../security/outbox-payload";
import { completeAgentRun } from "../store/agent-runs";
import type { OutboxKind } from "../store/outbox";
import { threadWithUnprocessed } from "../store/threads";
import { ai, auditActor } from "../domain/actor";
import { commitChange } from "../threads/commit";
import { dispatch, type OwnSession } from "../threads/dispatch";
import { stateAfter } from "../threads/state-after";
import { loadTenant } from "../tenancy/tenants";
import type { KnowledgeLookup } from "../domain/knowledge/passage";
import type { AgentModel, Grounding, InterpretInput, ToolCallRecord } from "./agent-model";
import { assembleContext, cardsForModel } from "./assemble-context";
import { modelFor } from "./language-model";
import { codeHash, newCode } from "./one-time-code";
import { noteRowsOwed, passControlRow, type OutboxRowInput } from "../delivery/notes";
import { withHandoffNote } from "../domain/handoff-notes";
import { searchKnowledge } from "./search-knowledge";

const MAX_ATTEMPTS = 8;

export interface RunResult {
  kind: "ran" | "nothing_to_do" | "thread_gone";
  processedOffset: number;
  plan?: AgentRunPlan;
}

export interface RunDeps {
  /** A model to use instead of the tenant's configured one (tests inject one). */
  model?: AgentModel;
  fetcher?: typeof fetch;
  /** The thread's own session, when the run happens inside its Durable Object. */
  session?: OwnSession;
}

/**
 * One agent run on a thread, exactly once per (thread, version): read where the thread stands and
 * what the customer said since the last run, assemble context, let the model interpret, let policy
 * decide, and write the decision with its outbound messages in one compare-and-set batch. Messages
 * that arrive meanwhile make the write conflict; the run then starts again and folds them in.
 */
export async function runAgent(
  env: Env,
  tenantId: string,
  threadId: string,
  deps: RunDeps = {},
): Promise<RunResult> {
  const tenant = await loadTenant(env, tenantId);
  if (!tenant) return { kind: "thread_gone", processedOffset: 0 };
  const { config } = tenant;
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    const read = await threadWithUnprocessed(env.DB, tenantId, threadId);
    if (!read) return { kind: "thread_gone", processedOffset: 0 };
    const { stored, unprocessed: newer } = read;
    const { state, version } = stored;
    const since = state.agent.processedOffset;
    // A thread linked into another lives on there; its own agent has nothing left to do. The
    // control group of a rollout gets no agent at all: it is how support works without Continuity.
    if (since >= version || state.mergedInto || state.rollout?.arm === "control") {
      await completeAgentRun(env.DB, tenantId, threadId, version).run();
      return { kind: "nothing_to_do", processedOffset: since };
    }
    const messages: RunMessage[] = [];
    let resumed = false;
    let wanted: string | null = null;
    for (const { offset, event } of newer) {
      if (event.type === "message.received" && event.author === "customer") {
        messages.push({
          contactId: event.contactId,
          channel: event.channel,
          text: event.text,
          at: event.at,
          offset,
          ...(event.codeAttempt && { codeAttempt: event.codeAttempt }),
        });
      }
      if (event.type === "control.changed" && event.owner === "ai") resumed = true;
      if (event.type === "verification.wanted") wanted = event.contactId;
    }
    if (messages.length === 0 && !(resumed && state.control === "ai") && !wanted) {
      // Nothing for the agent: facts about tickets or its own replies. Move the marker on quietly.
      await completeAgentRun(env.DB, tenantId, threadId, version).run();
      return { kind: "nothing_to_do", processedOffset: since };
    }

    const contactId = wanted ?? messages.at(-1)?.contactId ?? state.contacts.at(-1)?.id;
    const contact = state.contacts.find((c) => c.id === contactId);
    const orders = orderSystemFor(config.orders, demoOrderSystem, deps.fetcher);
    const lookups: ToolCallRecord[] = [];
    const proofOnly = contact?.origin === WEB_CHAT_SOURCE;
    const assembled = await assembleContext(
      {
        calls: lookups,
        db: env.DB,
        cache: env.CACHE,
        orders,
        tenantId,
        tickets: ticketSystemOf(config, {
          env,
          keepCredentials: credentialKeeper(env),
          ...(deps.fetcher && { fetcher: deps.fetcher }),
        }),
      },
      state,
      contact,
    );
    const cards = {
      ...assembled,
      account: {
        ...assembled.account,
        level: disclosureLevel(assembled.account.level, proofOnly),
      },
    };
    const modelCards = cardsForModel(cards, state.customerId);
    const model =
      deps.model ??
      modelFor(
        config.ai,
        env.AI,
        {
          confirm: async (orderId) => {
            const found = await orders.order(orderId);
            return found ? (normalizeOrderId(found.id) ?? null) : null;
          },
          order: async (orderId) => {
            if (
              modelCards.order.status === "found" &&
              modelCards.order.order.id === orderId.replace(/^#/, "").toUpperCase()
            ) {
              return { ok: true, order: modelCards.order.order };
            }
            return {
              ok: false,
              reason: mayDiscussOrder(cards, state.customerId)
                ? "not this thread's order"
                : "identity too low to share order details",
            };
          },
        },
        deps.fetcher,
      );
    const interpretInput: InterpretInput = {
      messages: messages.map((m) => ({ text: m.text, channel: m.channel })),
      workflow: state.workflow?.id ?? null,
      cards: modelCards,
    };
    const { interpretation, toolCalls } = await model.interpret(interpretInput);

    const knowledge = await searchKnowledge(
      knowledgeSourceOf(config, { env, ...(deps.fetcher && { fetcher: deps.fetcher }) }),
      { messages, state, contact, interpretation },
      lookups,
    );

    const hashKey = await identityKey(env.SECRETS_KEY, tenantId);
    const code = newCode();
    const delivery = {
      conversationId:
        contact && isMessagingProvider(contact.origin)
          ? (contact.links.find((l) => l.kind === "session")?.id ?? null)
          : null,
      ticketId:
        contact?.links.find((l) => l.kind === "ticket")?.id ?? state.tickets.at(-1)?.id ?? null,
      codesInConversation: carriesCodes(contact?.origin),
    };
    const plan = planAgentRun({
      state,
      version,
      messages,
      cards,
      interpretation,
      delivery,
      autoReply: config.policy.autoReply,
      proofOnly,
      newCodeHash: await codeHash(hashKey, threadId, contactId ?? "", code),
      verificationWanted: wanted,
      provider: model.name,
      knowledge,
      policy: config.policy,
    });
    await phraseReply(plan, model, interpretInput, groundingOf(plan, knowledge));

    const now = new Date().toISOString();
    const after = stateAfter(env.DB, tenantId, threadId, stored, config.policy, state.openedAt);
    let next = await after(plan.facts);
    if (plan.handedOff) {
      // The full note says what the thread is as this run leaves it; the handoff fact keeps where
      // it went and what it said, so later changes are told against it.
      plan.facts = withHandoffNote(plan.facts, state, next, contactId ?? null);
      next = await after(plan.facts);
    }
    const outboxRows: OutboxRowInput[] = await Promise.all(
      plan.outbound.map(async (out, i) => {
        const text =
          out.kind === "code"
            ? `Your verification code is ${code}. It expires in 10 minutes. We will never ask for it by phone.`
            : out.text;
        const kind: OutboxKind =
          out.via === "messaging"
            ? outboxKind(contact!.origin!, "message")
            : outboxKind(ticketSystemNameOf(config), "comment");
        const target = out.via === "messaging" ? out.conversationId! : out.ticketId!;
        const id = `agent:${threadId}:${version}:${i}`;
        return {
          id,
          threadId,
          kind,
          target,
          payload: await sealOutboxPayload(env.SECRETS_KEY, tenantId, id, { text, public: true }),
        };
      }),
    );
    // The notes this run owes (a handoff's full note and its pointers, or an update under the
    // note a person already has) go in this same batch; a hard stop in messaging also passes the
    // conversation to the agent workspace.
    outboxRows.push(...(await noteRowsOwed(env, config, state, next)));
    if (plan.handedOff) {
      if (plan.handedOff !== "needs_person" && delivery.conversationId && state.control === "ai") {
        outboxRows.push(
          await passControlRow(
            env,
            config,
            next,
            contactId ?? null,
            delivery.conversationId,
            version,
          ),
        );
      }
    }
    const runCompleted = plan.facts.find((f) => f.type === "agent.run_completed");
    const upTo =
      runCompleted && runCompleted.type === "agent.run_completed" ? runCompleted.upTo : version;
    const actor = auditActor(ai(model.name));
    const outcome = await commitChange(env.DB, tenantId, {
      at: now,
      parts: [{ read: stored, facts: plan.facts, state: next }],
      audit: [
        ...auditOf(plan, cards.sources, [...lookups, ...toolCalls], actor, threadId, now),
        ...auditTrail(state, next, plan.facts, now, actor).map((entry) =>
          entry.action === "handoff"
            ? {
                ...entry,
                data: {
                  ...entry.data,
                  payloadDigest: outboxRows.find((r) => r.digest)?.digest ?? null,
                },
              }
            : entry,
        ),
      ],
      outbox: outboxRows,
      runCompletedUpTo: upTo,
    });
    if (outcome.kind !== "committed") continue;
    await dispatch(env, outcome.dispatch, deps.session);
    return { kind: "ran", processedOffset: upTo, plan };
  }
  throw new Error(`agent run on ${threadId} kept conflicting`);
}

/** The passages an answer from knowledge may be phrased from, and the link it must keep. */
function groundingOf(plan: AgentRunPlan, knowledge: KnowledgeLookup): Grounding | undefined {
  const decided = plan.decisions.knowledge;
  if (decided?.outcome !== "answered" || knowledge.status !== "searched") return undefined;
  return {
    passages: knowledge.passages.filter((p) => p.url === decided.url).map((p) => p.text),
    cite: decided.url,
  };
}

async function phraseReply(
  plan: AgentRunPlan,
  model: AgentModel,
  input: InterpretInput,
  grounding?: Grounding,
): Promise<void> {
  const index = plan.facts.findIndex((f) => f.type === "agent.replied");
  const reply = plan.facts[index];
  if (!reply || reply.type !== "agent.replied") return;
  const phrased = await model.phrase(reply.text, input, grounding);
  if (!phrased) return;
  plan.facts[index] = { ...reply, text: phrased };
  for (const out of plan.outbound) if (out.kind === "reply") out.text = phrased;
}

function auditOf(
  plan: AgentRunPlan,
  sources: string[],
  toolCalls: ToolCallRecord[],
  actor: string,
  threadId: string,
  at: string,
) {
  return [
    { at, actor, action: "context.assembled", threadId, data: { sources } },
    ...toolCalls.map((call) => ({ at, actor, action: "tool.called", threadId, data: { ...call } })),
    {
      at,
      actor,
      action: "agent.decided",
      threadId,
      data: { ...plan.decisions, handedOff: plan.handedOff, facts: plan.facts.map((f) => f.type) },
    },
  ];
}
