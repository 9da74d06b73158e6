import { env } from "cloudflare:test";
import { beforeEach, describe, expect, it } from "vitest";
import { runAgent } from "../../src/agent/run-agent";
import { customer, order, suncoDelivery, suncoMessage } from "./support/factories";
import {
  createTenant,
  readSessionContext,
  sendSuncoEvents,
  settle,
  suncoSent,
} from "./support/tenant";
import { migrate } from "./support/worker";

beforeEach(migrate);

const seed = {
  orders: {
    customers: [customer({ phones: ["+819012345678"] })],
    orders: [order({ id: "W4410", status: "processed" })],
  },
};

describe("agent runs", () => {
  it("reply once per message however often the run is delivered", async () => {
    const tenant = await createTenant(seed);
    await sendSuncoEvents(
      tenant,
      suncoDelivery([
        suncoMessage({
          conversationId: "conv_once",
          whatsapp: "819012345678",
          text: "Where is my order W4410?",
        }),
      ]),
    );
    await settle(tenant);
    const context = await readSessionContext(tenant, "conv_once");
    // The queue delivers at least once: deliver the same run again, directly and through the queue.
    await env.AGENT_QUEUE.send({
      v: 1,
      tenantId: tenant.tenantId,
      threadId: context.thread.id,
      upTo: 1,
    });
    await runAgent(env, tenant.tenantId, context.thread.id);
    await runAgent(env, tenant.tenantId, context.thread.id);
    await settle(tenant);
    expect((await readSessionContext(tenant, "conv_once")).agent.replies).toHaveLength(1);
    expect((await suncoSent(tenant, "conv_once")).messages).toHaveLength(1);
  });

  it("fold messages that arrived before the run into one decision", async () => {
    const tenant = await createTenant(seed);
    // Two messages land before any run: the first says what, the second which order.
    const { processIngest } = await import("../../src/ingest/consume");
    const { fromSuncoEvent } = await import("../../src/integrations/sunco/map");
    const { SuncoEvent } = await import("../../src/integrations/sunco/webhook");
    for (const [text, at] of [
      ["My order hasn't arrived, where is it?", "2026-03-11T07:00:00Z"],
      ["It's order W4410", "2026-03-11T07:00:20Z"],
    ] as const) {
      const mapping = fromSuncoEvent(
        SuncoEvent.parse(
          suncoMessage({
            conversationId: "conv_fold",
            whatsapp: "819012345678",
            text,
            createdAt: at,
          }),
        ),
      );
      if (mapping.kind !== "event") throw new Error("not an event");
      await processIngest(
        {
          ...env,
          AGENT_QUEUE: { send: async () => {}, sendBatch: async () => {} } as unknown as Queue,
        },
        { v: 1, tenantId: tenant.tenantId, event: mapping.event },
      );
    }
    const before = await readSessionContext(tenant, "conv_fold");
    expect(before.agent.replies).toHaveLength(0);
    const result = await runAgent(env, tenant.tenantId, before.thread.id);
    expect(result.kind).toBe("ran");
    await settle(tenant);
    const after = await readSessionContext(tenant, "conv_fold");
    // One reply, answering both: the status of the order named in the second message.
    expect(after.agent.replies).toHaveLength(1);
    expect(after.agent.replies[0]?.text).toContain("Order #W4410");
    expect(after.workflow).toMatchObject({ id: "order_status" });
  });

  it("go through one Durable Object per thread, one at a time", async () => {
    const tenant = await createTenant(seed);
    await sendSuncoEvents(
      tenant,
      suncoDelivery([
        suncoMessage({
          conversationId: "conv_do",
          whatsapp: "819012345678",
          text: "Where is order W4410?",
        }),
      ]),
    );
    await settle(tenant);
    const { thread, version } = await readSessionContext(tenant, "conv_do");
    const { sessionFor } = await import("../../src/agent/agent-queue");
    const session = sessionFor(env, tenant.tenantId, thread.id);
    const results = await Promise.all([
      session.run(tenant.tenantId, thread.id, version),
      session.run(tenant.tenantId, thread.id, version),
    ]);
    expect(results.map((r) => r.processedOffset >= version)).toEqual([true, true]);
    expect((await readSessionContext(tenant, "conv_do")).agent.replies).toHaveLength(1);
  });
});
