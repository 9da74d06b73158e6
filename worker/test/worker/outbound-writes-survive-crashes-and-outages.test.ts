import { env } from "cloudflare:test";
import { beforeEach, describe, expect, it } from "vitest";
import { channelEvent, customer, order, suncoDelivery, suncoMessage } from "./support/factories";
import {
  createTenant,
  sendChannelEvent,
  sendSuncoEvents,
  settle,
  suncoSent,
  zendeskComments,
} from "./support/tenant";
import { control, migrate } from "./support/worker";

beforeEach(migrate);

const seed = () => ({
  orders: {
    customers: [customer({ phones: ["+819012345678"] })],
    orders: [order({ id: "W4410", status: "processed" })],
  },
});

async function outboxRows(tenantId: string) {
  return (
    await env.DB.prepare(
      "SELECT kind, status, attempts, last_error FROM outbox WHERE tenant_id = ?1",
    )
      .bind(tenantId)
      .all<{ kind: string; status: string; attempts: number; last_error: string | null }>()
  ).results;
}

describe("an outbound reply", () => {
  it("is sent once when Sunshine Conversations accepted it but the answer was lost", async () => {
    const tenant = await createTenant(seed());
    // The vendor stores the message, then answers 500: as if we crashed before marking it sent.
    await control("sunco", tenant.space, "fail", {
      status: 500,
      times: 1,
      afterApplying: true,
      methods: ["POST"],
    });
    await sendSuncoEvents(
      tenant,
      suncoDelivery([
        suncoMessage({
          conversationId: "conv_crash",
          whatsapp: "819012345678",
          text: "Where is order W4410?",
        }),
      ]),
    );
    await settle(tenant, 20_000);
    expect((await suncoSent(tenant, "conv_crash")).messages).toHaveLength(1);
    expect(await outboxRows(tenant.tenantId)).toEqual([
      expect.objectContaining({ kind: "sunco_message", status: "sent", attempts: 2 }),
    ]);
  });

  it("waits out 429 and 5xx from Zendesk and lands once", async () => {
    const tenant = await createTenant({
      ...seed(),
      zendesk: { tickets: [{ id: "310", requester_id: "1", via: "email" }] },
      settings: { policy: { autoReply: true } },
    });
    await control("zendesk", tenant.space, "fail", {
      status: 429,
      times: 1,
      retryAfter: 0,
      methods: ["PUT"],
    });
    await control("zendesk", tenant.space, "fail", { status: 503, times: 1, methods: ["PUT"] });
    await control("zendesk", tenant.space, "fail", {
      status: 500,
      times: 1,
      afterApplying: true,
      methods: ["PUT"],
    });
    await sendChannelEvent(
      tenant,
      channelEvent({
        channel: "email",
        ticketId: "310",
        identifiers: [{ type: "email", value: "maya.ortiz@example.com" }],
        message: { author: "customer", text: "Where is my order W4410?" },
      }),
    );
    await settle(tenant, 20_000);
    const comments = (await zendeskComments(tenant, "310"))?.comments ?? [];
    expect(comments.filter((c) => c.public)).toHaveLength(1);
    const [row] = await outboxRows(tenant.tenantId);
    expect(row).toMatchObject({ kind: "zendesk_comment", status: "sent" });
    expect(row!.attempts).toBeGreaterThanOrEqual(4);
  });

  it("that keeps failing is set aside as failed with its reason, never dropped", async () => {
    const tenant = await createTenant(seed());
    await control("sunco", tenant.space, "fail", {
      status: 503,
      times: 100,
      methods: ["POST", "GET"],
    });
    await sendSuncoEvents(
      tenant,
      suncoDelivery([
        suncoMessage({
          conversationId: "conv_down",
          whatsapp: "819012345678",
          text: "Where is order W4410?",
        }),
      ]),
    );
    const deadline = Date.now() + 30_000;
    let rows = await outboxRows(tenant.tenantId);
    while (Date.now() < deadline && rows[0]?.status !== "failed") {
      await new Promise((resolve) => setTimeout(resolve, 200));
      rows = await outboxRows(tenant.tenantId);
    }
    expect(rows[0]).toMatchObject({ status: "failed" });
    expect(rows[0]?.last_error).toContain("503");
  }, 40_000);
});
