import { addDays, isBefore } from "../time";
import type { OrderFacts } from "./cards";
import type { DecidingPolicy } from "./run-draft";

/**
 * The tenant's own policies where they decide an action (issue 15): never a default of ours. The
 * order system is the authority where it knows (an order's `returnWindowEndsAt`); the tenant's
 * settings decide the rest; with neither, nothing is assumed and a person decides.
 */
export type Basis = "order_system" | "tenant_policy";

export interface ReturnWindow {
  endsAt: string;
  basis: Basis;
}

export function returnWindowOf(
  order: OrderFacts,
  policy: DecidingPolicy = {},
): ReturnWindow | null {
  if (order.returnWindowEndsAt) return { endsAt: order.returnWindowEndsAt, basis: "order_system" };
  if (policy.returnWindowDays !== undefined && order.deliveredAt)
    return { endsAt: addDays(order.deliveredAt, policy.returnWindowDays), basis: "tenant_policy" };
  return null;
}

/** Why the window says what it says, for the handoff note ("Why a person"). */
export function returnWindowBasis(
  window: ReturnWindow | null,
  policy: DecidingPolicy = {},
): string {
  if (!window) return "no return window is known for it";
  const day = window.endsAt.slice(0, 10);
  return window.basis === "order_system"
    ? `the order system's return window ends ${day}`
    : `the store's ${policy.returnWindowDays}-day return window from delivery ends ${day}`;
}

export function withinReturnWindow(order: OrderFacts, at: string, policy: DecidingPolicy = {}) {
  const window = returnWindowOf(order, policy);
  return order.status === "delivered" && window !== null && !isBefore(window.endsAt, at);
}

/** Months of warranty from delivery, as the tenant set it; a person reads this in the note. */
export function warrantyNote(
  order: OrderFacts,
  at: string,
  policy: DecidingPolicy = {},
): string | null {
  if (policy.warrantyMonths === undefined || !order.deliveredAt) return null;
  const ends = addDays(order.deliveredAt, Math.round(policy.warrantyMonths * 30.44));
  const within = !isBefore(ends, at);
  return `${within ? "within" : "outside"} the store's ${policy.warrantyMonths}-month warranty from delivery (ends ${ends.slice(0, 10)})`;
}

/**
 * Whether a refund may skip the person's approval: only when the tenant set a threshold and the
 * order's total is known and below it. Without a threshold every refund waits for a person.
 */
export function belowRefundThreshold(order: OrderFacts, policy: DecidingPolicy = {}): boolean {
  return (
    policy.refundApprovalThreshold !== undefined &&
    order.total !== undefined &&
    order.total < policy.refundApprovalThreshold
  );
}
