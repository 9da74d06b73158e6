import { env } from "cloudflare:test";
import { beforeEach, describe, expect, it } from "vitest";
import { channelEvent, customer, order } from "./support/factories";
import { createTenant, readContext, sendChannelEvent, settle } from "./support/tenant";
import { migrate } from "./support/worker";

beforeEach(migrate);

describe("a call without recording consent", () => {
  it("stores what was decided and none of what was said", async () => {
    const tenant = await createTenant({ orders: { customers: [customer()], orders: [order()] } });
    const said = "Calling about order #18422, the vase is smashed to pieces";
    const sent = await sendChannelEvent(
      tenant,
      channelEvent({
        channel: "voice",
        sessionId: "VC-77",
        ticketId: "877",
        identifiers: [{ type: "phone", value: "+14155550100" }],
        message: { author: "customer", text: said },
        consent: { recording: false },
      }),
    );
    expect(sent.status).toBe(202);
    await settle(tenant);
    const context = await readContext(tenant, "877");
    const view = context as unknown as {
      slots: { name: string; value: string }[];
      handoff: { consent: { recording: string; dataUse: string } };
    };
    expect(view.slots).toContainEqual(
      expect.objectContaining({ name: "order_id", value: "18422" }),
    );
    expect(view.handoff.consent).toEqual({ recording: "denied", dataUse: "unknown" });
    const { results } = await env.DB.prepare(
      `SELECT data FROM thread_events WHERE tenant_id = ?1 UNION ALL SELECT state FROM threads WHERE tenant_id = ?1`,
    )
      .bind(tenant.tenantId)
      .all<{ data: string }>();
    const stored = results.map((r) => r.data).join("\n");
    expect(stored).not.toContain("smashed");
    expect(stored).toContain("transcript not stored");
  });
});
