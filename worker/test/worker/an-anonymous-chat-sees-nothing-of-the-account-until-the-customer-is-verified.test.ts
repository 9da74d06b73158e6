import { beforeEach, describe, expect, it } from "vitest";
import { channelEvent, customer, order } from "./support/factories";
import {
  attachChat,
  customerToken,
  identifyChat,
  reply,
  sendChat,
  startChat,
  type ChatVisit,
} from "./support/web-chat";
import type { SessionMessage } from "./support/live-session";
import {
  createTenant,
  readSessionContext,
  sendChannelEvent,
  settle,
  zendeskComments,
  type TestTenant,
} from "./support/tenant";
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

/** Hana wrote by email earlier (ticket 910): her words and her address are on the thread. */
async function hanaWroteByEmail(): Promise<TestTenant> {
  const tenant = await createTenant({
    orders: { customers: [hana()], orders: [w4410()] },
    zendesk: {
      users: [
        {
          id: "9001",
          name: "Hana Sato",
          identities: [{ type: "email", value: "hana.sato@example.com", verified: true }],
        },
      ],
      tickets: [{ id: "910", requester_id: "9001", via: "email" }],
    },
  });
  await sendChannelEvent(
    tenant,
    channelEvent({
      channel: "email",
      ticketId: "910",
      occurredAt: new Date(Date.now() - 3_600_000).toISOString(),
      identifiers: [{ type: "email", value: "hana.sato@example.com" }],
      message: { author: "customer", text: "Order W4410: please ship to 1-2-3 Chiyoda, Tokyo." },
    }),
  );
  await settle(tenant);
  return tenant;
}

const replies = (messages: SessionMessage[]) =>
  messages.flatMap((m) => (m.type === "event" && reply(m) ? [String(m.event.text)] : []));

const ACCOUNT = /processed|Rice Cooker|Chiyoda|Tokyo|carrier/i;

async function say(tenant: TestTenant, visit: ChatVisit, id: string, text: string) {
  expect((await sendChat(tenant.tenantId, visit.chatToken, { id, text })).status).toBe(202);
  await settle(tenant);
}

/** What the visitor's page was sent holds only their own conversation and who is there. */
function onlyItsOwnConversation(messages: SessionMessage[]) {
  const events = messages.flatMap((m) => (m.type === "event" ? [m.event] : []));
  expect(
    events.every((e) =>
      ["message.received", "agent.replied", "participant.joined", "participant.left"].includes(
        e.type,
      ),
    ),
  ).toBe(true);
  expect(JSON.stringify(events)).not.toMatch(/Chiyoda|hana\.sato|C-7001/);
}

describe("an anonymous web chat", () => {
  it("is told nothing of the account on an email and order number alone, and everything once the code sent to the email on file comes back", async () => {
    const tenant = await hanaWroteByEmail();
    const visit = await startChat(tenant);
    expect(visit.identified).toBe(false);

    // Two facts anyone could know: on the web chat they unlock nothing.
    await say(tenant, visit, "a-1", "Where is my order W4410? My email is hana.sato@example.com");
    const page = await attachChat(tenant, visit);
    await page.until("the agent's answer", (ms) => ms.some(reply));
    expect(replies(page.messages).join(" ")).not.toMatch(ACCOUNT);
    expect(replies(page.messages).at(-1)).toMatch(/code by email/);
    onlyItsOwnConversation(page.messages);
    expect((await readSessionContext(tenant, visit.sessionId)).identity.level).not.toBe("high");

    // The code went to the address on file (the public reply on her own ticket), not to the chat.
    const comments = JSON.stringify(await zendeskComments(tenant, "910"));
    const code = /verification code is (\d{6})/.exec(comments)?.[1];
    expect(code).toMatch(/^\d{6}$/);
    expect(JSON.stringify(page.messages)).not.toContain(code!);

    await say(tenant, visit, "a-2", code!);
    await page.until("the answer with the order", (ms) => replies(ms).length === 2);
    expect(replies(page.messages).at(-1)).toMatch(/W4410.*processed/);
    expect((await readSessionContext(tenant, visit.sessionId)).identity.level).toBe("high");
    // Her email, typed in the chat, comes back masked; the code is not shown either.
    expect(JSON.stringify(page.messages)).not.toMatch(/hana\.sato@/);
    expect(JSON.stringify(page.messages)).not.toContain(code!);
    page.close();
  });

  it("is told nothing on an order number alone, and everything once the tenant's site vouches for the customer", async () => {
    const tenant = await hanaWroteByEmail();
    const visit = await startChat(tenant);
    await say(tenant, visit, "b-1", "Where is my order W4410?");
    const page = await attachChat(tenant, visit);
    await page.until("the agent's answer", (ms) => ms.some(reply));
    expect(replies(page.messages).join(" ")).not.toMatch(ACCOUNT);
    onlyItsOwnConversation(page.messages);

    // She logs in on the store's site; its backend vouches for her to this same session.
    const vouched = await identifyChat(
      tenant.tenantId,
      visit.chatToken,
      await customerToken(tenant, { type: "email", value: "hana.sato@example.com" }),
    );
    expect(vouched.status).toBe(200);
    await settle(tenant);
    expect((await readSessionContext(tenant, visit.sessionId)).identity.level).toBe("high");

    await say(tenant, visit, "b-2", "Where is my order W4410?");
    await page.until("the answer with the order", (ms) => replies(ms).length === 2);
    expect(replies(page.messages).at(-1)).toMatch(/W4410.*processed/);
    page.close();
  });
});
