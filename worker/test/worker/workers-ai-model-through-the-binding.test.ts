import { env } from "cloudflare:test";
import { beforeEach, describe, expect, it } from "vitest";
import { runAgent } from "../../src/agent/run-agent";
import { fromGenericEvent } from "../../src/integrations/generic/map";
import { GenericChannelEventSchema } from "../../src/contracts/channel-event";
import type { Env } from "../../src/env";
import { processIngest } from "../../src/ingest/consume";
import { channelEvent, customer, order } from "./support/factories";
import { createTenant, readContext } from "./support/tenant";
import { call, migrate, OPERATOR } from "./support/worker";

beforeEach(migrate);

/**
 * Workers AI has no local simulation, so the binding is stood in for: it answers the way the
 * Workers AI runtime answers (`{ response, tool_calls }`) and records what it was asked.
 */
function fakeAi(script: Record<string, unknown>[]) {
  const calls: {
    model: string;
    inputs: { messages?: { role: string; content: string }[]; tools?: unknown[] };
  }[] = [];
  const binding = {
    async run(
      model: string,
      inputs: { messages?: { role: string; content: string }[]; tools?: unknown[] },
    ) {
      calls.push({ model, inputs });
      return script.shift() ?? { response: "Noted." };
    },
  };
  return { binding: binding as unknown as Ai, calls };
}

describe("the workers-ai provider", () => {
  it("is chosen by a setting, reads through the AI binding, and its tools stay gated", async () => {
    const tenant = await createTenant({
      orders: { customers: [customer()], orders: [order({ status: "processed" })] },
    });
    const put = await call(`/v1/admin/tenants/${tenant.tenantId}/settings`, {
      method: "PUT",
      headers: { ...OPERATOR, "content-type": "application/json" },
      body: JSON.stringify({
        ai: { provider: "workers-ai", model: "@cf/meta/llama-3.1-8b-instruct" },
      }),
    });
    expect(put.status).toBe(200);

    // Record the message without running the agent, then run it with the binding in place.
    const quiet = {
      ...env,
      AGENT_QUEUE: { send: async () => {}, sendBatch: async () => {} },
    } as unknown as Env;
    const event = fromGenericEvent(
      GenericChannelEventSchema.parse(
        channelEvent({
          ticketId: "720",
          identifiers: [{ type: "email", value: "maya.ortiz@example.com" }],
          message: { author: "customer", text: "The parcel with order #18422 never turned up" },
        }),
      ),
    );
    await processIngest(quiet, { v: 1, tenantId: tenant.tenantId, event });
    const ai = fakeAi([
      { response: "", tool_calls: [{ name: "lookup_order", arguments: { order_id: "18422" } }] },
      {
        response: "",
        tool_calls: [
          {
            name: "record_interpretation",
            arguments: {
              workflow: "order_status",
              reason: "not delivered",
              serial_number: null,
              order_id: "18422",
            },
          },
        ],
      },
      { response: "Recorded." },
    ]);
    const { thread } = await readContext(tenant, "720");
    const result = await runAgent({ ...quiet, AI: ai.binding }, tenant.tenantId, thread.id);

    expect(result.kind).toBe("ran");
    expect(ai.calls[0]?.model).toBe("@cf/meta/llama-3.1-8b-instruct");
    expect(JSON.stringify(ai.calls[0]?.inputs.tools)).toContain("record_interpretation");
    // Email and the order agree: medium, so the tool answered with the order.
    expect(JSON.stringify(ai.calls[1]?.inputs.messages)).toContain("Ceramic Vase");
    const context = await readContext(tenant, "720");
    expect(context.workflow?.id).toBe("order_status");
    expect(context.agent.replies.at(-1)?.text).toContain("Order #18422");
  });
});
