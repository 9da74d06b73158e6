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
import {
  AGENT_RUN_LEASE_MS,
  completeAgentRun,
  leaseAgentRun,
  releaseAgentRun,
} from "../store/agent-runs";
import type { OutboxKind } from "../store/outbox";
import { threadForRun, type StoredEvent, type StoredThread } from "../store/threads";
import { ai, auditActor } from "../domain/actor";
import { commitChange } from "../threads/commit";
import { dispatch } from "../threads/dispatch";
import { stateAfter } from "../threads/state-after";
import { loadTenant } from "../tenancy/tenants";
import type { TenantConfig } from "../tenancy/tenant-config";
import type { KnowledgeLookup } from "../domain/knowledge/passage";
import type { AgentModel, Grounding, InterpretInput, ToolCallRecord } from "./agent-model";
import { assembleContext, cardsForModel } from "./assemble-context";
import { modelFor } from "./language-model";
import { codeHash, newCode } from "./one-time-code";
import { controlRow, noteRowsOwed, type OutboxRowInput } from "../delivery/notes";
import { withHandoffNote } from "../domain/handoff-notes";
import { searchKnowledge } from "./search-knowledge";

const MAX_ATTEMPTS = 8;
/** How long a run waits for another run on the same thread before the queue tries it again. */
const LEASE_WAIT_MS = 10_000;

export interface RunResult {
  /** `busy`: another run held the thread all the while; it covers what it read, the queue the rest. */
  kind: "ran" | "nothing_to_do" | "thread_gone" | "busy";
  processedOffset: number;
  plan?: AgentRunPlan;
}

export interface RunDeps {
  /** A model to use instead of the tenant's configured one (tests inject one). */
  model?: AgentModel;
  fetcher?: typeof fetch;
  /** Wait for another run on the thread to finish (default), or answer `busy` at once. */
  waitForLease?: boolean;
  /**
   * The run was taken for this holder where its facts were written (the ingest consumer), with
   * what it would read then if that is known: the first attempt starts from it instead of reading.
   */
  taken?: { holder: string; read: RunRead | null };
}

/** What one attempt read under the lease: the thread and the facts after the agent's marker. */
export interface RunRead {
  stored: StoredThread;
  unprocessed: StoredEvent[];
}

/**
 * One agent run on a thread, exactly once per (thread, version): read where the thread stands and
 * what the customer said since the last run, assemble context, let the model interpret, let policy
 * decide, and write the decision with its outbound messages in one compare-and-set batch. Messages
 * that arrive meanwhile make the write conflict; the run then starts again and folds them in.
 *
 * Runs on one thread go one at a time: each holds a lease on the thread's agent_runs row, taken in
 * the round trip that reads the thread and given back in the batch that writes the run (or lapsing,
 * if the run dies with its process). The compare-and-set alone keeps a run exactly once; the lease
 * keeps a second run from asking the model and the systems of record for nothing.
 */
export async function runAgent(
  env: Env,
  tenantId: string,
  threadId: string,
  deps: RunDeps = {},
): Promise<RunResult> {
  const tenant = await loadTenant(env, tenantId);
  if (!tenant) return { kind: "thread_gone", processedOffset: 0 };
  const holder = deps.taken?.holder ?? crypto.randomUUID();
  let held = false;
  let given = false;
  try {
    for (let attempt = 1, waited = 0; attempt <= MAX_ATTEMPTS;) {
      // The first attempt may start from what the caller wrote and leased; later ones read.
      const first = attempt === 1 ? (deps.taken?.read ?? null) : null;
      const taken = first
        ? ({ held: true, read: first } as const)
        : await threadForRun(env.DB, tenantId, threadId, leaseFor(env, tenantId, threadId, holder));
      if (!taken.held) {
        if (deps.waitForLease === false || waited >= LEASE_WAIT_MS)
          return { kind: "busy", processedOffset: 0 };
        // From 25 ms, doubling to half a second: most runs take less than that.
        const pause = Math.min(25 + waited, 500);
        await new Promise((resolve) => setTimeout(resolve, pause));
        waited += pause;
        continue;
      }
      held = true;
      if (!taken.read) return { kind: "thread_gone", processedOffset: 0 };
      const result = await attemptRun(env, tenant.config, tenantId, threadId, taken.read, {
        ...deps,
        holder,
      });
      if (result === "conflict") {
        attempt++;
        continue;
      }
      given = true;
      return result;
    }
  } finally {
    // A run that failed, or found its thread gone, gives the lease back for the next one.
    if (held && !given)
      await releaseAgentRun(env.DB, tenantId, threadId, holder)
        .run()
        .catch(() => undefined);
  }
  throw new Error(`agent run on ${threadId} kept conflicting`);
}

/** The statement that takes (or keeps) the thread's lease for this holder, from now. */
function leaseFor(env: Env, tenantId: string, threadId: string, holder: string) {
  const now = Date.now();
  return leaseAgentRun(
    env.DB,
    tenantId,
    threadId,
    holder,
    new Date(now).toISOString(),
    new Date(now + AGENT_RUN_LEASE_MS).toISOString(),
  );
}

/**
 * One attempt under the lease: decide from what was read and write it. A write that lost to
 * another writer on the thread is a conflict; the caller reads again.
 */
async function attemptRun(
  env: Env,
  config: TenantConfig,
  tenantId: string,
  threadId: string,
  read: RunRead,
  deps: RunDeps & { holder: string },
): Promise<RunResult | "conflict"> {
  const { stored, unprocessed: newer } = read;
  const { state, version } = stored;
  const since = state.agent.processedOffset;
  // A thread linked into another lives on there; its own agent has nothing left to do. The
  // control group of a rollout gets no agent at all: it is how support works without Continuity.
  if (since >= version || state.mergedInto || state.rollout?.arm === "control") {
    await completeAgentRun(env.DB, tenantId, threadId, version, deps.holder).run();
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
    await completeAgentRun(env.DB, tenantId, threadId, version, deps.holder).run();
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
        await controlRow(
          env,
          config,
          next,
          {
            operation: "pass_control",
            contactId: contactId ?? null,
            conversationId: delivery.conversationId,
          },
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
    runCompleted: { upTo, lease: deps.holder },
  });
  if (outcome.kind !== "committed") return "conflict";
  await dispatch(env, outcome.dispatch);
  return { kind: "ran", processedOffset: upTo, plan };
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
