import { beforeEach, describe, expect, it } from "vitest";
import { channelEvent, customer, order } from "./support/factories";
import { createTenant, sendChannelEvent, settle, ticketContext } from "./support/tenant";
import { call, control, migrate, OPERATOR } from "./support/worker";

beforeEach(migrate);

describe("an order-system outage during stitching", () => {
  it("delays the event, retries it, and records it once with full evidence", async () => {
    const tenant = await createTenant({ orders: { customers: [customer()], orders: [order()] } });
    await control("orders", tenant.space, "fail", {
      status: 503,
      times: 2,
      retryAfter: 0,
      methods: ["GET"],
    });
    const response = await sendChannelEvent(
      tenant,
      channelEvent({
        ticketId: "410",
        identifiers: [{ type: "email", value: "maya.ortiz@example.com" }],
        message: { author: "customer", text: "order #18422" },
      }),
    );
    expect(response.status).toBe(202);
    await settle(tenant, 20_000);

    const context = (await (await ticketContext(tenant, "410")).json()) as {
      identity: { level: string; customerId: string };
      timeline: { kind: string }[];
    };
    // Not stitched on half the evidence: the retry saw both the email and the order.
    expect(context.identity).toMatchObject({ level: "medium", customerId: "C-1001" });
    expect(context.timeline.filter((e) => e.kind === "message")).toHaveLength(1);
    const requests = (await control("orders", tenant.space, "requests")) as {
      requests: { status: number }[];
    };
    expect(requests.requests.filter((r) => r.status === 503).length).toBe(2);
  });

  it("sets an event aside as failed after its retries, visible to operators and replayable", async () => {
    const tenant = await createTenant({ orders: { customers: [customer()], orders: [order()] } });
    await control("orders", tenant.space, "fail", {
      status: 500,
      times: 1000,
      retryAfter: 0,
      methods: ["GET"],
    });
    await sendChannelEvent(
      tenant,
      channelEvent({
        id: "doomed-1",
        ticketId: "411",
        identifiers: [{ type: "email", value: "maya.ortiz@example.com" }],
      }),
    );

    const deadline = Date.now() + 60_000;
    let failed: { deliveries: { eventId: string; error: string }[] } = { deliveries: [] };
    while (Date.now() < deadline && failed.deliveries.length === 0) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      failed = (await (
        await call(`/v1/admin/tenants/${tenant.tenantId}/deliveries/failed`, { headers: OPERATOR })
      ).json()) as typeof failed;
    }
    expect(failed.deliveries).toHaveLength(1);
    expect(failed.deliveries[0]).toMatchObject({ eventId: "doomed-1" });
    expect(failed.deliveries[0]?.error).toContain("order system unavailable");
    expect(JSON.stringify(failed)).not.toContain("maya.ortiz@example.com");

    // The order system recovers; the operator replays.
    await control("orders", tenant.space, "reset");
    await control("orders", tenant.space, "load", {
      token: `oms-${tenant.space}`,
      customers: [customer()],
      orders: [order()],
    });
    const replay = await call(`/v1/admin/tenants/${tenant.tenantId}/deliveries/replay`, {
      method: "POST",
      headers: OPERATOR,
    });
    expect(await replay.json()).toEqual({ replayed: 1 });
    await settle(tenant);
    expect((await ticketContext(tenant, "411")).status).toBe(200);
  }, 90_000);
});
