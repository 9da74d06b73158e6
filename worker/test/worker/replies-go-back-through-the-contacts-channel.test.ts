import { beforeEach, describe, expect, it } from "vitest";
import { channelEvent, customer, order, suncoDelivery, suncoMessage } from "./support/factories";
import {
  createTenant,
  readContext,
  readSessionContext,
  sendChannelEvent,
  sendSuncoEvents,
  settle,
  suncoSent,
  zendeskComments,
} from "./support/tenant";
import { migrate } from "./support/worker";

beforeEach(migrate);

const hana = () =>
  customer({
    id: "C-7001",
    name: "Hana Sato",
    email: "hana.sato@example.com",
    phones: ["+819012345678"],
  });
const w4410 = () =>
  order({
    id: "W4410",
    customerId: "C-7001",
    status: "processed",
    items: [{ id: "I-8", name: "Rice Cooker", price: 89, options: {} }],
  });

describe("the agent's reply", () => {
  it("goes out through Sunshine Conversations when the bot has the conversation", async () => {
    const tenant = await createTenant({ orders: { customers: [hana()], orders: [w4410()] } });
    await sendSuncoEvents(
      tenant,
      suncoDelivery([
        suncoMessage({
          conversationId: "conv_hana",
          whatsapp: "819012345678",
          text: "Where is my order W4410?",
        }),
      ]),
    );
    await settle(tenant);
    const sent = await suncoSent(tenant, "conv_hana");
    expect(sent.messages).toHaveLength(1);
    expect(sent.messages[0]?.content.text).toContain("Order #W4410");
    // The key lets a retry find this message instead of posting it again.
    expect(sent.messages[0]?.metadata).toMatchObject({
      continuity_key: expect.stringMatching(/^agent:THR-/),
    });
    const context = await readSessionContext(tenant, "conv_hana");
    expect(context.agent.replies.at(-1)).toMatchObject({
      delivery: "messaging",
      purpose: "status",
    });
    expect(context.workflow).toMatchObject({ id: "order_status", currentStep: null });
  });

  it("is a draft for the sidebar on a ticket channel, unless the tenant enables public auto-replies", async () => {
    const chat = channelEvent({
      ticketId: "201",
      sessionId: "WC-1",
      identifiers: [{ type: "email", value: "hana.sato@example.com" }],
      message: { author: "customer", text: "Where is my order W4410?" },
    });
    const quiet = await createTenant({
      orders: { customers: [hana()], orders: [w4410()] },
      zendesk: { tickets: [{ id: "201", requester_id: "1", via: "chat" }] },
    });
    await sendChannelEvent(quiet, chat);
    await settle(quiet);
    expect((await readContext(quiet, "201")).agent.replies.at(-1)).toMatchObject({
      delivery: "draft",
    });
    expect((await zendeskComments(quiet, "201"))?.comments).toHaveLength(0);

    const loud = await createTenant({
      orders: { customers: [hana()], orders: [w4410()] },
      zendesk: { tickets: [{ id: "201", requester_id: "1", via: "chat" }] },
      settings: { policy: { autoReply: true } },
    });
    await sendChannelEvent(loud, chat);
    await settle(loud);
    const comments = (await zendeskComments(loud, "201"))?.comments ?? [];
    expect(comments).toHaveLength(1);
    expect(comments[0]).toMatchObject({ public: true });
    expect(comments[0]?.body).toContain("Order #W4410");
  });
});
