import { buildHandoff, canonical } from "../domain/handoff";
import { notesOwed, type OwedNote } from "../domain/handoff-notes";
import {
  noteTicket,
  renderNote,
  renderPointer,
  renderUpdate,
  withThreadFields,
  type RenderedNote,
} from "../domain/note-rendering";
import type { ThreadState } from "../domain/thread-state";
import { toHex, utf8 } from "../security/encoding";
import { outboxKind, ticketSystemNameOf } from "../integrations/registry";
import { sealOutboxPayload } from "../security/outbox-payload";
import type { OutboxKind } from "../store/outbox";
import type { TenantConfig } from "../tenancy/tenant-config";
import type { OutboxPayload } from "./deliver";

export interface OutboxRowInput {
  id: string;
  threadId: string;
  kind: OutboxKind;
  target: string;
  payload: string;
  /** For notes: the handoff payload's digest, for the audit trail. */
  digest?: string;
}

async function sha256(text: string): Promise<string> {
  return toHex(await crypto.subtle.digest("SHA-256", utf8(text)));
}

/**
 * The outbox row for a handoff note on a ticket. The key is deterministic in (tenant, ticket,
 * thread, payload digest): the same state can only ever ask for the same note once.
 */
export async function noteRow(
  env: { SECRETS_KEY: string },
  config: TenantConfig,
  state: ThreadState,
  contactId: string | null,
  ticketId: string,
): Promise<OutboxRowInput> {
  const payload = buildHandoff(state, contactId);
  const digest = await sha256(canonical(payload));
  const key = (await sha256(`${config.id}|${ticketId}|${state.id}|${digest}`)).slice(0, 24);
  const rendered = renderNote(
    payload,
    key,
    config.zendesk.customFields,
    noteTicket(state, ticketId),
  );
  return sealedNote(env, config, state, ticketId, key, rendered, "full", digest);
}

async function sealedNote(
  env: { SECRETS_KEY: string },
  config: TenantConfig,
  state: ThreadState,
  ticketId: string,
  key: string,
  note: RenderedNote,
  kind: NonNullable<OutboxPayload["note"]>,
  digest?: string,
): Promise<OutboxRowInput> {
  const id = `note:${key}`;
  // The thread's own fields go on the note's update: the key and digest stay the note's alone.
  const rendered = withThreadFields(note, config.zendesk.customFields, state);
  const body: OutboxPayload = {
    html: rendered.html,
    public: false,
    tags: rendered.tags,
    customFields: rendered.customFields,
    key,
    note: kind,
    ...(digest && { digest }),
  };
  return {
    id,
    threadId: state.id,
    kind: outboxKind(ticketSystemNameOf(config), "note"),
    target: ticketId,
    ...(digest && { digest }),
    payload: await sealOutboxPayload(env.SECRETS_KEY, config.id, id, body),
  };
}

/**
 * The outbox row for one owed note. Its key is made like a full note's, from the tenant, the
 * ticket, the thread and the digest of what the note is: a pointer is the handoff's, an update the
 * handoff's and the change's. Asked for again (a replayed write, a racing one), the same row is
 * asked for, and the outbox keeps the first.
 */
async function owedRow(
  env: { SECRETS_KEY: string },
  config: TenantConfig,
  state: ThreadState,
  owed: OwedNote,
): Promise<OutboxRowInput> {
  if (owed.kind === "full") return noteRow(env, config, state, owed.contactId, owed.ticketId);
  const what =
    owed.kind === "pointer"
      ? { note: owed.kind, handoff: owed.handoff }
      : { note: owed.kind, handoff: owed.handoff, change: owed.change.id };
  const digest = await sha256(canonical(what));
  const key = (await sha256(`${config.id}|${owed.ticketId}|${state.id}|${digest}`)).slice(0, 24);
  const rendered =
    owed.kind === "pointer"
      ? renderPointer(state.id, owed, key)
      : renderUpdate(state.id, owed.change, key);
  return sealedNote(env, config, state, owed.ticketId, key, rendered, owed.kind);
}

/** The notes a write from `before` to `after` owes the thread's tickets, as outbox rows. */
export function noteRowsOwed(
  env: { SECRETS_KEY: string },
  config: TenantConfig,
  before: ThreadState | null,
  after: ThreadState,
): Promise<OutboxRowInput[]> {
  return noteRowsFor(env, config, after, notesOwed(before, after));
}

export function noteRowsFor(
  env: { SECRETS_KEY: string },
  config: TenantConfig,
  state: ThreadState,
  owed: OwedNote[],
): Promise<OutboxRowInput[]> {
  return Promise.all(owed.map((o) => owedRow(env, config, state, o)));
}

/** Flat metadata for a control pass (well under Sunshine Conversations' 4 KB limit). */
function passControlMetadata(state: ThreadState, contactId: string | null): Record<string, string> {
  const contact = state.contacts.find((c) => c.id === contactId);
  const handoff = buildHandoff(state, contactId);
  return {
    continuity_thread: state.id,
    continuity_step: handoff.current.step ?? "none",
    continuity_level: contact?.resolution.level ?? "unknown",
    continuity_category: handoff.category ?? "none",
    continuity_reason: handoff.handoff?.code ?? "needs_person",
  };
}

/**
 * What each change of control sends: passing the conversation to the agent workspace tells why;
 * releasing it back, when a person hands it to the AI, only where the thread stands.
 */
const CONTROL_CHANGES = {
  pass_control: { idPrefix: "control", metadata: passControlMetadata },
  release_control: {
    idPrefix: "release",
    metadata: (state: ThreadState, contactId: string | null) => ({
      continuity_thread: state.id,
      continuity_step: buildHandoff(state, contactId).current.step ?? "none",
    }),
  },
} as const;

/** Control of a contact's messaging conversation changing hands, as an outbox row. */
export async function controlRow(
  env: { SECRETS_KEY: string },
  config: TenantConfig,
  state: ThreadState,
  change: {
    operation: keyof typeof CONTROL_CHANGES;
    contactId: string | null;
    conversationId: string;
  },
  version: number,
): Promise<OutboxRowInput> {
  const { idPrefix, metadata } = CONTROL_CHANGES[change.operation];
  const id = `${idPrefix}:${state.id}:${version}`;
  // The conversation is the contact's own: control changes in the provider it came in through.
  const provider = state.contacts.find((c) => c.id === change.contactId)?.origin;
  if (!provider)
    throw new Error(`contact ${change.contactId} came in through no messaging provider`);
  const body: OutboxPayload = { metadata: metadata(state, change.contactId) };
  return {
    id,
    threadId: state.id,
    kind: outboxKind(provider, change.operation),
    target: change.conversationId,
    payload: await sealOutboxPayload(env.SECRETS_KEY, config.id, id, body),
  };
}
