import { DownstreamUnavailable } from "../connectors/http";
import type { OrderSystem } from "../connectors/orders";
import type { ContextCards, OrderFacts } from "../domain/agent/cards";
import { mayDiscussOrder } from "../domain/agent/policy";
import type { ContactState, ThreadState } from "../domain/thread-state";
import type { Order } from "../contracts/orders";

export interface Assembly {
  cards: ContextCards;
  /** The order as policy lets the model see it (null when this contact may not). */
  visibleOrder: OrderFacts | null;
}

function facts(order: Order): OrderFacts {
  return {
    id: order.id,
    customerId: order.customerId,
    status: order.status,
    placedAt: order.placedAt,
    ...(order.deliveredAt && { deliveredAt: order.deliveredAt }),
    ...(order.returnWindowEndsAt && { returnWindowEndsAt: order.returnWindowEndsAt }),
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
  deps: { db: D1Database; cache: KVNamespace; orders: OrderSystem; tenantId: string },
  state: ThreadState,
  contact: ContactState | undefined,
): Promise<ContextCards> {
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
      const row = await deps.db
        .prepare(`SELECT tier FROM customers WHERE tenant_id = ?1 AND id = ?2`)
        .bind(deps.tenantId, state.customerId)
        .first<{ tier: string | null }>();
      tier = row?.tier ?? null;
      sources.push("d1:customer");
      await deps.cache.put(key, JSON.stringify({ tier } satisfies CustomerProfile), {
        expirationTtl: 300,
      });
    }
  }

  const orderId = state.slots.order_id?.value.split(", ").at(-1) ?? state.orderIds.at(-1) ?? null;
  let order: ContextCards["order"] = { status: "none" };
  if (orderId) {
    try {
      const found = await deps.orders.order(orderId);
      order = found ? { status: "found", order: facts(found) } : { status: "not_found", orderId };
      sources.push("orders:order");
    } catch (error) {
      if (!(error instanceof DownstreamUnavailable)) throw error;
      order = { status: "unavailable", orderId };
      sources.push("orders:unavailable");
    }
  }

  const failed = state.verification.failures.filter((f) => f.reason === "wrong_code").length;
  return {
    account: { customerId: state.customerId, tier, level, language: "en" },
    case: {
      tickets: state.tickets.map((t) => ({ id: t.id, status: t.status, assigneeId: t.assigneeId })),
      openTickets: state.tickets.filter((t) => t.status !== "solved" && t.status !== "closed")
        .length,
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

/** The cards a model may read: order details only for a contact allowed to see them. */
export function cardsForModel(cards: ContextCards, threadCustomer: string | null): ContextCards {
  if (cards.order.status !== "found" || mayDiscussOrder(cards, threadCustomer)) return cards;
  return { ...cards, order: { status: "not_found", orderId: cards.order.order.id } };
}
