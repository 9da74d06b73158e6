import { DurableObject } from "cloudflare:workers";
import type { Env } from "../env";

/**
 * One per tenant: a token bucket for Zendesk ticket updates, so every Worker instance together
 * stays under the account's update-ticket limit (100 per minute by default).
 */
export class ZendeskWriteBudget extends DurableObject<Env> {
  private tokens = -1;
  private refilledAt = 0;

  async take(
    perMinute: number,
    now = Date.now(),
  ): Promise<{ granted: true } | { granted: false; waitMs: number }> {
    const capacity = Math.max(1, perMinute);
    if (this.tokens < 0) {
      this.tokens = capacity;
      this.refilledAt = now;
    }
    const refill = ((now - this.refilledAt) / 60_000) * capacity;
    this.tokens = Math.min(capacity, this.tokens + refill);
    this.refilledAt = now;
    if (this.tokens >= 1) {
      this.tokens -= 1;
      return { granted: true };
    }
    return { granted: false, waitMs: Math.ceil(((1 - this.tokens) / capacity) * 60_000) };
  }
}
