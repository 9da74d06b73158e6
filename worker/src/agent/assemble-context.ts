import { DownstreamUnavailable } from "../connectors/http";
import type { OrderSystem } from "../connectors/orders";
import type { CaseDetails, TicketSystem } from "../integrations/ports";
import type { ContextCards, OrderFacts } from "../domain/agent/cards";
import { mayDiscussOrder } from "../domain/agent/policy";
import type { ContactState, ThreadState } from "../domain/thread-state";
import type { Order } from "../contracts/orders";
import { customerTier } from "../store/identities";
import type { ToolCallRecord } from "./agent-model";

function facts(order: Order): OrderFacts {
  return {
    id: order.id,
    customerId: order.customerId,
    status: order.status,
    placedAt: order.placedAt,
    ...(order.deliveredAt && { deliveredAt: order.deliveredAt }),
    ...(order.returnWindowEndsAt && { returnWindowEndsAt: order.returnWindowEndsAt }),
    ...(typeof order.total === "number" && { total: order.total }),
    items: order.items.map((i) => ({ name: i.name })),
    shipments: order.shipments.map((s) => ({
      status: s.status,
      ...(s.carrier && { carrier: s.carrier }),
      ...(s.tracking && { tracking: s.tracking }),
      ...(s.eta && { eta: s.eta }),
    })),
  };
}

interface CustomerProfile {
  tier: string | null;
}

/**
 * Context before every decision (issue 3 §2). Order status is read fresh, because it changes what
 * the agent may do; the customer's tier is cached in KV for five minutes, because it does not.
 */
export async function assembleContext(
  deps: {
    db: D1Database;
    cache: KVNamespace;
    orders: OrderSystem;
    tenantId: string;
    tickets: TicketSystem;
    /** Calls to systems of record, for the audit trail. */
    calls?: ToolCallRecord[];
  },
  state: ThreadState,
  contact: ContactState | undefined,
): Promise<ContextCards> {
  const calls = deps.calls ?? [];
  const sources = ["thread"];
  const level = contact?.resolution.level ?? "unknown";

  let tier: string | null = null;
  if (state.customerId) {
    const key = `profile:${deps.tenantId}:${state.customerId}`;
    const cached = await deps.cache.get<CustomerProfile>(key, "json");
    if (cached) {
      tier = cached.tier;
      sources.push("kv:customer");
    } else {
      tier = await customerTier(deps.db, deps.tenantId, state.customerId);
      sources.push("d1:customer");
      await deps.cache.put(key, JSON.stringify({ tier } satisfies CustomerProfile), {
        expirationTtl: 300,
      });
    }
  }

  const orderId = state.slots.order_id?.value.split(", ").at(-1) ?? state.orderIds.at(-1) ?? null;
  let order: ContextCards["order"] = { status: "none" };
  if (orderId) {
    const started = Date.now();
    try {
      const found = await deps.orders.order(orderId);
      order = found ? { status: "found", order: facts(found) } : { status: "not_found", orderId };
      sources.push("orders:order");
      calls.push({
        tool: "orders",
        action: "get_order",
        latencyMs: Date.now() - started,
        outcome: "ok",
      });
    } catch (error) {
      calls.push({
        tool: "orders",
        action: "get_order",
        latencyMs: Date.now() - started,
        outcome: "failed",
      });
      if (!(error instanceof DownstreamUnavailable)) throw error;
      order = { status: "unavailable", orderId };
      sources.push("orders:unavailable");
    }
  }

  const ticketId = contact?.links.find((l) => l.kind === "ticket")?.id ?? null;
  const ticketCard =
    ticketId && deps.tickets.configured
      ? await caseCard(deps.cache, deps.tickets, deps.tenantId, ticketId, sources, calls)
      : null;

  const failed = state.verification.failures.filter((f) => f.reason === "wrong_code").length;
  return {
    account: { customerId: state.customerId, tier, level, language: "en" },
    case: {
      tickets: state.tickets.map((t) => ({ id: t.id, status: t.status, assigneeId: t.assigneeId })),
      openTickets: state.tickets.filter((t) => t.status !== "solved" && t.status !== "closed")
        .length,
      priority: ticketCard?.priority ?? null,
      sla: ticketCard?.sla ?? null,
    },
    order,
    risk: {
      failedVerifications: failed,
      conflict:
        Boolean(contact?.resolution.conflict) ||
        state.riskFlags.some((f) => f.flag === "identity_conflict"),
      flags: [...new Set(state.riskFlags.map((f) => f.flag))],
    },
    sources,
  };
}

type TicketCard = CaseDetails;

/** Priority and the next SLA target: useful, never decisive, so a minute's cache is fine. */
async function caseCard(
  cache: KVNamespace,
  tickets: TicketSystem,
  tenantId: string,
  ticketId: string,
  sources: string[],
  calls: ToolCallRecord[],
): Promise<TicketCard | null> {
  const key = `ticket:${tenantId}:${ticketId}`;
  const cached = await cache.get<TicketCard>(key, "json");
  if (cached) {
    sources.push("kv:ticket");
    return cached;
  }
  const started = Date.now();
  const record = (outcome: ToolCallRecord["outcome"]) =>
    calls.push({
      tool: tickets.name,
      action: "get_ticket",
      latencyMs: Date.now() - started,
      outcome,
    });
  try {
    const card = await tickets.caseDetails(ticketId);
    record("ok");
    if (!card) return null;
    await cache.put(key, JSON.stringify(card), { expirationTtl: 60 });
    sources.push(`${tickets.name}:ticket`);
    return card;
  } catch {
    record("failed");
    // The ticket system being slow costs the card its SLA line, nothing more.
    sources.push(`${tickets.name}:unavailable`);
    return null;
  }
}

/** The cards a model may read: order details only for a contact allowed to see them. */
export function cardsForModel(cards: ContextCards, threadCustomer: string | null): ContextCards {
  if (cards.order.status !== "found" || mayDiscussOrder(cards, threadCustomer)) return cards;
  return { ...cards, order: { status: "not_found", orderId: cards.order.order.id } };
}
