import type { IdentityLevel } from "../identity-level";

/** An order as the agent may use it: fresh from the order system, never cached. */
export interface OrderFacts {
  id: string;
  customerId: string;
  status:
    "pending" | "processed" | "delivered" | "cancelled" | "return_requested" | "exchange_requested";
  placedAt: string;
  deliveredAt?: string;
  returnWindowEndsAt?: string;
  /** The order's total, where a tenant's refund approval threshold decides. */
  total?: number;
  items: { name: string }[];
  shipments: { status: string; carrier?: string; tracking?: string; eta?: string }[];
}

/**
 * What the agent knows before deciding (issue 3 §2): assembled from the thread and the connectors.
 * `sources` names every source read, for the audit log.
 */
export interface ContextCards {
  account: {
    customerId: string | null;
    tier: string | null;
    level: IdentityLevel;
    language: string;
  };
  case: {
    tickets: { id: string; status: string | null; assigneeId: string | null }[];
    openTickets: number;
    /** The current ticket's priority and next SLA target, from Zendesk (cached briefly). */
    priority?: string | null;
    sla?: { metric: string; breachAt: string } | null;
  };
  order:
    | { status: "found"; order: OrderFacts }
    | { status: "not_found"; orderId: string }
    | { status: "unavailable"; orderId: string }
    | { status: "none" };
  risk: { failedVerifications: number; conflict: boolean; flags: string[] };
  sources: string[];
}
