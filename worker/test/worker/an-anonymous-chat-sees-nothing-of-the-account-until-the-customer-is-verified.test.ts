import { beforeEach, describe, expect, it } from "vitest";
import { channelEvent, customer, order } from "./support/factories";
import {
  attachChat,
  customerToken,
  identifyChat,
  reply,
  sendChat,
  startChat,
} from "./support/web-chat";
import { createTenant, readSessionContext, sendChannelEvent, settle } from "./support/tenant";
import { migrate } from "./support/worker";

beforeEach(migrate);

const hana = () =>
  customer({
    id: "C-7001",
    name: "Hana Sato",
    email: "hana.sato@example.com",
    phones: ["+819012345678"],
    zip: "1000001",
  });
const w4410 = () =>
  order({
    id: "W4410",
    customerId: "C-7001",
    status: "processed",
    items: [{ id: "I-8", name: "Rice Cooker", price: 89, options: {} }],
  });

const replies = (texts: { type: string; event?: { type: string; text?: unknown } }[]) =>
  texts.filter(reply).map((m) => String(m.event!.text));

describe("an anonymous web chat", () => {
  it("is told nothing of an order or account, and sees no other contact, until the customer is verified", async () => {
    const tenant = await createTenant({ orders: { customers: [hana()], orders: [w4410()] } });
    // Hana wrote by email earlier: her words and address are on the thread.
    await sendChannelEvent(
      tenant,
      channelEvent({
        channel: "email",
        ticketId: "910",
        occurredAt: new Date(Date.now() - 3_600_000).toISOString(),
        identifiers: [{ type: "email", value: "hana.sato@example.com" }],
        message: { author: "customer", text: "Order W4410 — please ship to 1-2-3 Chiyoda, Tokyo." },
      }),
    );
    await settle(tenant);

    const visit = await startChat(tenant);
    expect(visit.identified).toBe(false);
    expect(
      (
        await sendChat(tenant.tenantId, visit.chatToken, {
          id: "a-1",
          text: "Where is my order W4410?",
        })
      ).status,
    ).toBe(202);
    await settle(tenant);
    const page = await attachChat(tenant, visit);
    await page.until("the agent's answer", (ms) => ms.some(reply));
    const before = replies(page.messages);
    expect(before.join(" ")).not.toMatch(/processed|Rice Cooker|Chiyoda|Tokyo|hana/i);
    // Only its own conversation: not Hana's email, not the thread's workflow or signals.
    const seen = page.events().map((m) => m.event);
    expect(seen.map((e) => e.type)).toEqual(
      expect.arrayContaining(["message.received", "agent.replied", "participant.joined"]),
    );
    expect(
      seen.every((e) =>
        ["message.received", "agent.replied", "participant.joined", "participant.left"].includes(
          e.type,
        ),
      ),
    ).toBe(true);
    expect(JSON.stringify(seen)).not.toMatch(/Chiyoda|hana\.sato|C-7001/);
    expect((await readSessionContext(tenant, visit.sessionId)).identity.level).not.toBe("high");

    // She logs in on the store's site; its backend vouches for her to this same session.
    const vouched = await identifyChat(
      tenant.tenantId,
      visit.chatToken,
      await customerToken(tenant, { type: "email", value: "hana.sato@example.com" }),
    );
    expect(vouched.status).toBe(200);
    await settle(tenant);
    expect((await readSessionContext(tenant, visit.sessionId)).identity.level).toBe("high");

    await sendChat(tenant.tenantId, visit.chatToken, {
      id: "a-2",
      text: "Where is my order W4410?",
    });
    await page.until("the answer with the order", (ms) => replies(ms).length > before.length);
    expect(replies(page.messages).at(-1)).toMatch(/W4410/);
    expect(replies(page.messages).at(-1)).toMatch(/processed|being prepared|ship/i);
    page.close();
  });
});
