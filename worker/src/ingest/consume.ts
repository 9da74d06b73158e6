import { linkHash } from "../governance/erasure";
import { DownstreamUnavailable } from "../connectors/http";
import { orderSystemFor, type OrderSystem } from "../connectors/orders";
import { demoOrderSystem } from "../demo/demo-orders";
import { linksOf, type ChannelEvent } from "../domain/channel-event";
import type { Env } from "../env";
import { backoffSeconds, retryBaseSeconds } from "../lib/retry-policy";
import { identityKey } from "../security/keys";
import { extendLease, failDelivery, forgetDelivery, isSettled } from "../store/deliveries";
import { erasureAndLinks } from "./first-reads";
import { findLinkedThreads, type LinkedThread } from "../store/threads";
import { loadTenant } from "../tenancy/tenants";
import { credentialKeeper } from "../tenancy/accounts";
import { phoneCountry, type TenantConfig } from "../tenancy/tenant-config";
import { PhoneSearch } from "../domain/language/contact-details";
import { codeHash } from "../agent/one-time-code";
import { inboundChannelNamed } from "../integrations/registry";
import { noteRowsOwed } from "../delivery/notes";
import { readMessage } from "../domain/language/read-message";
import { pairsAcrossMessages, referencesIn } from "../domain/language/references";
import { recentCustomerWords } from "../domain/thread-state";
import { aboutAnOrder, groundReferences, type GroundedReferences } from "./grounding";
import { gatherEvidence, identifiersOf, keyIdentifiers, nameZipHash } from "./evidence";
import { leaseFrom, sealEvent } from "./delivery-copy";
import type { IngestMessage } from "./ingest-message";
import { recordContact, type RecordOutcome } from "./record-contact";
import { dispatch } from "../threads/dispatch";
import { byConversation } from "../domain/conversations";
import { countRoundTrips } from "../store/round-trips";
import { runNowOrQueue, type OwedRun } from "../agent/agent-queue";
import { AGENT_RUN_LEASE_MS } from "../store/agent-runs";

/** After this many deliveries a message is set aside as failed, visible and replayable by an operator. */
export const MAX_INGEST_ATTEMPTS = 6;

export async function processIngest(
  env: Env,
  message: IngestMessage,
  /**
   * The caller runs the agent run the contact owes itself (consumeIngest), holding it with this
   * lease holder from the write on: it is not queued.
   */
  options: { agentRunHolder?: string } = {},
): Promise<RecordOutcome | { kind: "tenant_gone" } | { kind: "erased" }> {
  const tenant = await loadTenant(env, message.tenantId);
  if (!tenant) return { kind: "tenant_gone" };
  const { config } = tenant;
  // The threads the event's links already belong to, read once and only if someone asks.
  let linkedRead: Promise<LinkedThread[]> | null = null;
  const linkedThreads = () =>
    (linkedRead ??= findLinkedThreads(env.DB, config.id, linksOf(message.event)));
  // The sender's integration reads what its delivery leaves out (a requester's profile, say).
  const enrich = inboundChannelNamed(message.event.source)?.enrich;
  const { event, requester } = enrich
    ? await enrich(message.event, config, async () => (await linkedThreads()).length > 0, {
        env,
        keepCredentials: credentialKeeper(env),
      })
    : { event: message.event, requester: [] };
  const orders = orderSystemFor(config.orders, demoOrderSystem);
  // One search per event: its words are read for references and again for the transcript.
  const phoneSearch = new PhoneSearch(phoneCountry(config.policy));
  const grounded = await groundCustomerWords(event, orders, config, phoneSearch, linkedThreads);
  const hashKey = await identityKey(env.SECRETS_KEY, config.id);
  const defaultCountry = config.policy.defaultCountry;
  const keyed = await keyIdentifiers(
    identifiersOf(event, requester, grounded),
    hashKey,
    defaultCountry,
  );
  const nameZip = grounded.nameZip && { name: grounded.nameZip.name, zip: grounded.nameZip.zip };
  // A customer who was erased stays erased: a late or redelivered event about them stores nothing,
  // not even the record that it arrived. Asked before the systems of record, with the event's
  // linked threads and whoever a person linked its identifiers to, in one round trip.
  const marks = [
    ...keyed.map((k) => ({ kind: k.kind, hash: k.hash })),
    ...(nameZip ? [{ kind: "name_zip", hash: await nameZipHash(hashKey, nameZip) }] : []),
    ...(await Promise.all(
      linksOf(event).map(async (l) => ({
        kind: `link_${l.kind}`,
        hash: await linkHash(hashKey, l),
      })),
    )),
  ];
  const {
    erased,
    linked: linkedNow,
    owners,
  } = await erasureAndLinks(env.DB, config.id, marks, linksOf(event), keyed);
  if (erased) {
    await forgetDelivery(env.DB, config.id, event);
    return { kind: "erased" };
  }
  const gathered = await gatherEvidence(
    [],
    {
      db: env.DB,
      tenantId: config.id,
      hashKey,
      orders,
      ...(defaultCountry && { defaultCountry }),
      keyed,
      linkedOwners: owners,
    },
    { emails: grounded.emails, phones: grounded.phones, nameZip },
  );
  const evidence = { ...gathered, phoneSearch };
  const outcome = await recordContact(
    env.DB,
    config.id,
    event,
    evidence,
    config.policy,
    () => new Date().toISOString(),
    (threadId, contactId, code) => codeHash(hashKey, threadId, contactId, code),
    (before, after) => noteRowsOwed(env, config, before, after),
    config.rollout,
    linkedNow,
    options.agentRunHolder
      ? {
          holder: options.agentRunHolder,
          until: new Date(Date.now() + AGENT_RUN_LEASE_MS).toISOString(),
        }
      : null,
  );
  // Lost sends are found by the cron: the rows are already in the outbox and agent_runs.
  if (outcome.kind === "recorded")
    await dispatch(
      env,
      options.agentRunHolder ? { ...outcome.dispatch, agentRun: null } : outcome.dispatch,
    );
  return outcome;
}

/**
 * What the customer's own words refer to, confirmed against the order system: orders it knows, a
 * name and postcode it knows, contact details. Agent and human messages refer to nothing here.
 */
async function groundCustomerWords(
  event: ChannelEvent,
  orders: OrderSystem,
  config: TenantConfig,
  phoneSearch: PhoneSearch,
  linkedThreads: () => Promise<LinkedThread[]>,
): Promise<GroundedReferences> {
  if (event.message?.author !== "customer" || !event.message.text.trim())
    return { orderIds: [], nameZip: null, emails: [], phones: [] };
  const text = event.message.text;
  const reading = readMessage(text, event.channel);
  const refs = referencesIn(reading, phoneSearch);
  // Half of a name and postcode: the other half may be in what this contact wrote just before.
  if (refs.names.length > 0 !== refs.postcodes.length > 0) {
    const linked = await linkedThreads();
    const mine = linked.find((l) => l.kind === "session") ?? linked[0];
    if (mine)
      refs.nameZip = pairsAcrossMessages(
        refs,
        recentCustomerWords(mine.state, mine.contactId),
        phoneSearch,
      );
  }
  return groundReferences(refs, orders, {
    hasOrderSystem: config.orders.kind !== "none",
    aboutAnOrder: aboutAnOrder(reading.intents, reading.hardStops),
  });
}

async function setAside(env: Env, message: IngestMessage, error: string): Promise<void> {
  const sealedEvent = await sealEvent(env, message.tenantId, message.event);
  await failDelivery(env.DB, message.tenantId, message.event, {
    error,
    sealedEvent,
    now: new Date().toISOString(),
  });
}

/**
 * The ingest queue consumer. Downstream outages are retried with backoff (honouring Retry-After);
 * once attempts run out, or on an error waiting cannot fix, the event is set aside sealed so an
 * operator can replay it. Nothing is dropped silently.
 */
export async function consumeIngest(batch: MessageBatch<IngestMessage>, env: Env): Promise<void> {
  // Waiting on D1 for one conversation leaves the others free to go on.
  const conversations = byConversation(batch.messages, (m) => m.body.event);
  await Promise.all(
    conversations.map(async (messages) => {
      // The agent runs the conversation's messages owe, run here once they are all in, under one
      // lease holder: the write of each message takes (or keeps) its thread for it.
      const holder = crypto.randomUUID();
      const owed = new Map<string, OwedRun>();
      for (const message of messages) {
        const run = await consumeOne(message, env, holder);
        if (run) owed.set(run.threadId, run);
      }
      for (const run of owed.values()) await runNowOrQueue(env, run);
    }),
  );
}

/** Record one message; answers the agent run its facts owe, if any, for the caller to run. */
async function consumeOne(
  message: Message<IngestMessage>,
  env: Env,
  holder: string,
): Promise<OwedRun | null> {
  const { tenantId, event } = message.body;
  const counted = countRoundTrips(env, "contact");
  try {
    // A spare message (queued again from the copy, or delivered again by the queue) for an
    // event already settled is done; a first delivery needs no such read.
    const spare = message.body.requeued === true || message.attempts > 1;
    if (spare && (await isSettled(env.DB, tenantId, event))) {
      message.ack();
      return null;
    }
    const outcome = await processIngest(counted.env, message.body, { agentRunHolder: holder });
    message.ack();
    if (outcome.kind !== "recorded") return null;
    counted.done();
    // Routine outcomes, a thread opened among them, are in the audit trail; the log carries what
    // an operator should notice (each line costs a crossing into the runtime's logging).
    const run = outcome.dispatch.agentRun;
    if (!run) return null;
    return {
      tenantId,
      ...run,
      ...(outcome.leasedRun && { taken: { holder, read: outcome.leasedRun.read } }),
    };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const transient = error instanceof DownstreamUnavailable;
    if (transient && message.attempts < MAX_INGEST_ATTEMPTS) {
      const delaySeconds = backoffSeconds(message.attempts, {
        baseSeconds: retryBaseSeconds(env),
        retryAfterSeconds: error.retryAfterSeconds,
      });
      // The wait is known: the sweep should not take this event for lost meanwhile.
      await extendLease(
        env.DB,
        tenantId,
        event,
        leaseFrom(env, new Date(), { extraSeconds: delaySeconds }).until,
      ).catch(() => undefined);
      message.retry({ delaySeconds });
      console.warn(
        JSON.stringify({
          msg: "ingest retry",
          tenantId,
          source: event.source,
          attempt: message.attempts,
          reason,
        }),
      );
      return null;
    }
    try {
      await setAside(env, message.body, reason);
      message.ack();
    } catch {
      message.retry({
        delaySeconds: backoffSeconds(message.attempts, { baseSeconds: retryBaseSeconds(env) }),
      });
    }
    console.error(
      JSON.stringify({
        msg: "ingest failed",
        tenantId,
        source: event.source,
        attempts: message.attempts,
        reason,
      }),
    );
    return null;
  }
}

/** Messages the platform gave up on (the consumer itself crashed): set aside, never dropped. */
export async function setAsideExhausted(
  batch: MessageBatch<IngestMessage>,
  env: Env,
): Promise<void> {
  for (const message of batch.messages) {
    await setAside(env, message.body, "delivery attempts exhausted");
    message.ack();
  }
}
