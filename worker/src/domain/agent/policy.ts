import type { HardStopCode } from "../intent";
import { atLeast, type IdentityLevel } from "../identity-level";
import type { ContextCards } from "./cards";

/**
 * What identity allows (issue 3 §4): general policy answers at any level, order details at medium
 * or above, consequential actions only at high. The model never decides this.
 */
export type Disclosure = "general" | "order_details" | "consequential";

export function permits(level: IdentityLevel, what: Disclosure): boolean {
  if (what === "general") return true;
  return atLeast(level, what === "order_details" ? "medium" : "high");
}

/**
 * On a channel where anyone can type anything (the Worker's web chat page), facts a stranger can
 * know — an email address, an order number, a name and zip — unlock nothing of the account: only
 * a verification does (a one-time code to a contact on file, or the tenant's own login). So below
 * `high`, such a contact is treated as `low` for what may be told and done.
 */
export function disclosureLevel(level: IdentityLevel, proofOnly: boolean): IdentityLevel {
  return proofOnly && level !== "high" && atLeast(level, "low") ? "low" : level;
}

/** Order details are shown only to the customer who owns the order. */
export function mayDiscussOrder(
  cards: ContextCards,
  threadCustomer: string | null,
  level: IdentityLevel = cards.account.level,
): boolean {
  return (
    cards.order.status === "found" &&
    permits(level, "order_details") &&
    threadCustomer !== null &&
    cards.order.order.customerId === threadCustomer
  );
}

export const MAX_FAILED_VERIFICATIONS = 3;
/** Wrong codes count within this window (event time), and only since the last success. */
export const FAILED_VERIFICATION_WINDOW_HOURS = 24;
export const CODE_TTL_MINUTES = 10;
export const CODE_ATTEMPTS = 3;

export const HARD_STOP_REASONS: Record<HardStopCode, string> = {
  suspected_takeover: "the account may have been taken over",
  payment_dispute: "payment disputes are handled by our billing team",
  sensitive_change_unverified: "this change needs a verified identity we could not establish here",
  regulated_advice: "we can't give medical, legal or financial advice",
  repeated_failed_verification: "verification failed too many times",
  tool_outage: "a system we need is unavailable, so we can't act safely",
};
