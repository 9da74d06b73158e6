import { env } from "cloudflare:test";
import { noteRow } from "../../../src/delivery/notes";
import { emptyThread, type ThreadState } from "../../../src/domain/thread-state";
import { enqueueOutbox } from "../../../src/store/outbox";
import { loadTenant } from "../../../src/tenancy/tenants";
import { customer, order, zendeskTicketEvent } from "./factories";
import { createTenant, sendZendeskEvent, zendeskComments, type TestTenant } from "./tenant";
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

/** The internal notes the Zendesk stand-in holds on a ticket, as HTML, oldest first. */
export async function internalNotesOn(tenant: TestTenant, ticketId: string): Promise<string[]> {
  return ((await zendeskComments(tenant, ticketId))?.comments ?? [])
    .filter((c) => !c.public)
    .map((c) => c.html_body);
}

/** A tenant with one customer known by email, their Zendesk user, an order and these tickets. */
export function tenantWithEmailCustomer(
  person: {
    customerId: string;
    userId: string;
    name: string;
    email: string;
    order: Parameters<typeof order>[0];
  },
  ...ticketIds: string[]
) {
  return createTenant({
    orders: {
      customers: [customer({ id: person.customerId, email: person.email, phones: [] })],
      orders: [order({ customerId: person.customerId, ...person.order })],
    },
    zendesk: {
      users: [
        {
          id: person.userId,
          name: person.name,
          identities: [{ type: "email", value: person.email, verified: true }],
        },
      ],
      tickets: ticketIds.map((id) => ({
        id,
        requester_id: person.userId,
        via: "email",
        status: "new",
      })),
    },
  });
}

/** Gus Moreau, an email customer with order W3300: the handoff-note tests' usual customer. */
export const GUS = {
  customerId: "C-6001",
  userId: "9501",
  name: "Gus Moreau",
  email: "gus@example.com",
  order: { id: "W3300" },
};

/** How one requester opens tickets: Zendesk's "created" event with the customer's description. */
export function ticketOpener(requesterId: string, subject: string) {
  return (tenant: TestTenant, id: string, description: string, time: string) =>
    sendZendeskEvent(
      tenant,
      zendeskTicketEvent(
        "created",
        { id, requester_id: requesterId, subject, description },
        { id: `zd-${id}`, time },
      ),
    );
}
