import { env, runInDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { ZendeskWriteBudget } from "../../src/integrations/zendesk/write-budget";

describe("the per-tenant Zendesk write budget", () => {
  it("is spent across a restart of its object instead of starting full again", async () => {
    const stub = env.ZENDESK_WRITE_BUDGET.get(env.ZENDESK_WRITE_BUDGET.idFromName("ten_budget"));
    const now = Date.parse("2026-03-01T09:00:00Z");
    await runInDurableObject(stub, async (instance, state) => {
      const budget = instance as ZendeskWriteBudget;
      for (let i = 0; i < 3; i++) expect(await budget.take(3, now)).toEqual({ granted: true });
      expect(await budget.take(3, now)).toMatchObject({ granted: false });

      // The same storage, a fresh object: what an eviction or a deploy leaves behind.
      const restarted = new ZendeskWriteBudget(state, env);
      await state.blockConcurrencyWhile(async () => {});
      expect(await restarted.take(3, now + 1_000)).toMatchObject({ granted: false });
      // A minute later the bucket has refilled, as it would have without the restart.
      expect(await restarted.take(3, now + 61_000)).toEqual({ granted: true });
    });
  });

  it("says how long to wait when it is empty", async () => {
    const stub = env.ZENDESK_WRITE_BUDGET.get(env.ZENDESK_WRITE_BUDGET.idFromName("ten_wait"));
    const now = Date.parse("2026-03-01T09:00:00Z");
    await runInDurableObject(stub, async (instance) => {
      const budget = instance as ZendeskWriteBudget;
      expect(await budget.take(60, now)).toEqual({ granted: true });
      for (let i = 0; i < 59; i++) await budget.take(60, now);
      expect(await budget.take(60, now)).toEqual({ granted: false, waitMs: 1_000 });
    });
  });
});
