import { env } from "cloudflare:test";
import { noteRow } from "../../../src/delivery/notes";
import { emptyThread, type ThreadState } from "../../../src/domain/thread-state";
import { enqueueOutbox } from "../../../src/store/outbox";
import { loadTenant } from "../../../src/tenancy/tenants";
import type { TestTenant } from "./tenant";
import { control } from "./worker";

/**
 * A thread state whose handoff differs by `variant`, so each variant is a different intended note
 * (another payload digest, so another key) for the same ticket.
 */
function stateFor(ticketId: string, variant: number): ThreadState {
  const state = emptyThread("THR-FAULTS", "2026-03-01T10:00:00.000Z");
  return {
    ...state,
    summaryEdit: {
      text: `Revision ${variant} of what the customer needs on ticket ${ticketId}.`,
      by: "human:agent-7",
      at: "2026-03-01T10:00:00.000Z",
      category: "wording",
    },
  };
}

/** Put a handoff note in the outbox, as a state change would, without waking the queue. */
export async function pendingNote(tenant: TestTenant, ticketId: string, variant = 1) {
  const loaded = await loadTenant(env, tenant.tenantId, { fresh: true });
  const row = await noteRow(env, loaded!.config, stateFor(ticketId, variant), null, ticketId);
  await env.DB.batch(enqueueOutbox(env.DB, tenant.tenantId, [row], new Date().toISOString()));
  return { id: row.id, key: row.id.replace(/^note:/, "") };
}

/** Every `ctx-note:` key on the ticket in the Zendesk stand-in, one entry per comment. */
export async function noteKeysOn(tenant: TestTenant, ticketId: string): Promise<string[]> {
  const state = (await control("zendesk", tenant.space, "state")) as {
    tickets: Record<string, { comments: { html_body: string; public: boolean }[] }>;
  };
  return (state.tickets[ticketId]?.comments ?? []).flatMap((c) => {
    const key = /ctx-note:([0-9a-f]+)/.exec(c.html_body)?.[1];
    return key && !c.public ? [key] : [];
  });
}

export async function outboxStatus(tenantId: string, id: string) {
  return env.DB.prepare(
    "SELECT status, attempts, last_error FROM outbox WHERE tenant_id = ?1 AND id = ?2",
  )
    .bind(tenantId, id)
    .first<{ status: string; attempts: number; last_error: string | null }>();
}

/** Zendesk requests the stand-in received for this tenant, in order. */
export async function zendeskRequests(tenant: TestTenant) {
  const { requests } = (await control("zendesk", tenant.space, "requests")) as {
    requests: { method: string; path: string; status: number; at: string }[];
  };
  return requests;
}
