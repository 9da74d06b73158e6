import { DurableObject } from "cloudflare:workers";
import type { Env } from "../../env";

interface Bucket {
  tokens: number;
  refilledAt: number;
}

/**
 * One per tenant: a token bucket for Zendesk ticket updates, so every Worker instance together
 * stays under the account's update-ticket limit (100 per minute by default). The bucket is kept
 * in the object's storage: an evicted or restarted object would otherwise start full again and
 * let a burst through that Zendesk answers with 429s.
 */
export class ZendeskWriteBudget extends DurableObject<Env> {
  private bucket: Bucket | null = null;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    void ctx.blockConcurrencyWhile(async () => {
      this.bucket = (await ctx.storage.get<Bucket>("bucket")) ?? null;
    });
  }

  async take(
    perMinute: number,
    now = Date.now(),
  ): Promise<{ granted: true } | { granted: false; waitMs: number }> {
    const capacity = Math.max(1, perMinute);
    const held = this.bucket ?? { tokens: capacity, refilledAt: now };
    const refill = (Math.max(0, now - held.refilledAt) / 60_000) * capacity;
    const tokens = Math.min(capacity, held.tokens + refill);
    const granted = tokens >= 1;
    this.bucket = { tokens: granted ? tokens - 1 : tokens, refilledAt: now };
    // Not awaited: the output gate holds the answer until the write is durable.
    void this.ctx.storage.put("bucket", this.bucket);
    return granted
      ? { granted: true }
      : { granted: false, waitMs: Math.ceil(((1 - tokens) / capacity) * 60_000) };
  }
}
