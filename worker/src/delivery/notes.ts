import { buildHandoff, canonical } from "../domain/handoff";
import { noteTicket, renderNote } from "../domain/note-rendering";
import type { ThreadState } from "../domain/thread-state";
import { toHex, utf8 } from "../security/encoding";
import { rootKeys } from "../security/keys";
import { seal } from "../security/sealed-box";
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
  const id = `note:${key}`;
  const body: OutboxPayload = {
    html: rendered.html,
    public: false,
    tags: rendered.tags,
    customFields: rendered.customFields,
    key,
    digest,
  };
  const keys = await rootKeys(env.SECRETS_KEY);
  return {
    id,
    threadId: state.id,
    kind: "zendesk_note",
    target: ticketId,
    digest,
    payload: await seal(keys.settings, JSON.stringify(body), `tenant:${config.id}:outbox:${id}`),
  };
}

/** Flat metadata for a Sunshine Conversations control pass (well under its 4 KB limit). */
export function passControlMetadata(
  state: ThreadState,
  contactId: string | null,
): Record<string, string> {
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

export async function passControlRow(
  env: { SECRETS_KEY: string },
  config: TenantConfig,
  state: ThreadState,
  contactId: string | null,
  conversationId: string,
  version: number,
): Promise<OutboxRowInput> {
  const id = `control:${state.id}:${version}`;
  const keys = await rootKeys(env.SECRETS_KEY);
  const body: OutboxPayload = { metadata: passControlMetadata(state, contactId) };
  return {
    id,
    threadId: state.id,
    kind: "sunco_pass_control",
    target: conversationId,
    payload: await seal(keys.settings, JSON.stringify(body), `tenant:${config.id}:outbox:${id}`),
  };
}
