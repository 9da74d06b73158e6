import { env } from "cloudflare:test";
import { beforeEach, describe, expect, it } from "vitest";
import { runAgent } from "../../src/agent/run-agent";
import { rulesModel } from "../../src/agent/rules-model";
import type { AgentModel } from "../../src/agent/agent-model";
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

/** A customer message recorded on its thread with the agent queue switched off: its run is owed. */
async function recordedWithoutRun(tenantId: string, conversationId: string, text: string) {
  const { processIngest } = await import("../../src/ingest/consume");
  const { fromSuncoEvent } = await import("../../src/integrations/sunco/map");
  const { SuncoEvent } = await import("../../src/integrations/sunco/webhook");
  const mapping = fromSuncoEvent(
    SuncoEvent.parse(suncoMessage({ conversationId, whatsapp: "819012345678", text })),
  );
  if (mapping.kind !== "event") throw new Error("not an event");
  const outcome = await processIngest(
    {
      ...env,
      AGENT_QUEUE: { send: async () => {}, sendBatch: async () => {} } as unknown as Queue,
    },
    { v: 1, tenantId, event: mapping.event },
  );
  if (outcome.kind !== "recorded") throw new Error(`not recorded: ${outcome.kind}`);
  return outcome.threadId;
}

/** The rules model, counting how often a run asked it to read the customer. */
function countingModel(): AgentModel & { asked: number } {
  const model = {
    ...rulesModel,
    asked: 0,
    async interpret(input: Parameters<AgentModel["interpret"]>[0]) {
      model.asked++;
      // Long enough for a second run to start meanwhile.
      await new Promise((resolve) => setTimeout(resolve, 50));
      return rulesModel.interpret(input);
    },
  };
  return model;
}

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

  it("go one at a time per thread, each holding the thread's lease", async () => {
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
    const results = await Promise.all([
      runAgent(env, tenant.tenantId, thread.id),
      runAgent(env, tenant.tenantId, thread.id),
    ]);
    expect(results.map((r) => r.processedOffset >= version)).toEqual([true, true]);
    expect((await readSessionContext(tenant, "conv_do")).agent.replies).toHaveLength(1);
  });

  it("started side by side, ask the model once: the second waits for the first's lease", async () => {
    const tenant = await createTenant(seed);
    const threadId = await recordedWithoutRun(
      tenant.tenantId,
      "conv_side",
      "Where is order W4410?",
    );
    const model = countingModel();
    const results = await Promise.all([
      runAgent(env, tenant.tenantId, threadId, { model }),
      runAgent(env, tenant.tenantId, threadId, { model }),
    ]);
    expect(results.map((r) => r.kind).sort()).toEqual(["nothing_to_do", "ran"]);
    expect(model.asked).toBe(1);
    await settle(tenant);
    expect((await readSessionContext(tenant, "conv_side")).agent.replies).toHaveLength(1);
  });

  it("take over a thread whose run died holding it, once its lease has lapsed", async () => {
    const tenant = await createTenant(seed);
    const threadId = await recordedWithoutRun(
      tenant.tenantId,
      "conv_dead",
      "Where is order W4410?",
    );
    // A run that died with its process: its lease on the thread lapsed a moment ago.
    await env.DB.prepare(
      `UPDATE agent_runs SET leased_by = 'a-run-that-died', leased_until = ?3
       WHERE tenant_id = ?1 AND thread_id = ?2`,
    )
      .bind(tenant.tenantId, threadId, new Date(Date.now() - 1000).toISOString())
      .run();
    expect((await runAgent(env, tenant.tenantId, threadId)).kind).toBe("ran");
    await settle(tenant);
    expect((await readSessionContext(tenant, "conv_dead")).agent.replies).toHaveLength(1);
    const row = await env.DB.prepare(
      `SELECT leased_by, requested_up_to <= completed_up_to AS done FROM agent_runs
       WHERE tenant_id = ?1 AND thread_id = ?2`,
    )
      .bind(tenant.tenantId, threadId)
      .first<{ leased_by: string | null; done: number }>();
    // The run gave the lease back with its write.
    expect(row).toEqual({ leased_by: null, done: 1 });
  });
});
