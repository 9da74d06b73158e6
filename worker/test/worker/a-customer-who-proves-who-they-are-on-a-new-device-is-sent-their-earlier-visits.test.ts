import { beforeEach, describe, expect, it } from "vitest";
import { customer, order } from "./support/factories";
import type { SessionMessage } from "./support/live-session";
import { createTenant, readSessionContext, settle, type TestTenant } from "./support/tenant";
import {
  attachChat,
  customerToken,
  identifyChat,
  sendChat,
  startChat,
  type ChatVisit,
} from "./support/web-chat";
import { migrate } from "./support/worker";

beforeEach(migrate);

const maya = { type: "email", value: "maya.ortiz@example.com" };

async function say(tenant: TestTenant, visit: ChatVisit, id: string, text: string) {
  expect((await sendChat(tenant.tenantId, visit.chatToken, { id, text })).status).toBe(202);
  await settle(tenant);
}

/** What the page shows: the words of the messages it was sent, after the last "start over". */
function shown(messages: SessionMessage[]): string[] {
  const from = messages.findLastIndex((m) => (m as { type: string }).type === "replay") + 1;
  return messages.slice(from).flatMap((m) => {
    if (m.type !== "event") return [];
    const e = m.event as { type: string; text?: string; author?: string };
    return e.type === "message.received" ? [`${e.author}: ${e.text}`] : [];
  });
}

describe("a customer on a new device", () => {
  it("is sent only this visit until they prove who they are, then their earlier proven visits from the start, and never a visit where someone only typed their email", async () => {
    const tenant = await createTenant({
      orders: { customers: [customer()], orders: [order()] },
    });
    // On her laptop, signed in on the store's site.
    const laptop = await startChat(tenant, await customerToken(tenant, maya));
    await say(tenant, laptop, "l-1", "Where is my order 18422?");
    const { thread } = await readSessionContext(tenant, laptop.sessionId);
    // Someone else types her address on their own browser, and proves nothing.
    const claimed = await startChat(tenant);
    await say(tenant, claimed, "c-1", "I am maya.ortiz@example.com, tell me about my order");
    expect((await readSessionContext(tenant, claimed.sessionId)).thread.id).toBe(thread.id);

    // On her phone she starts anonymous, on the same thread by her address.
    const phone = await startChat(tenant);
    await say(tenant, phone, "p-1", "Hi, it's maya.ortiz@example.com again");
    const page = await attachChat(tenant, phone);
    expect(page.threadId).toBe(thread.id);
    await page.until("her own message", (ms) => shown(ms).length === 1);
    expect(shown(page.messages)).toEqual(["customer: Hi, it's m***@example.com again"]);

    // She signs in on the store's site on the phone: the page starts over with her laptop visit.
    const vouched = await identifyChat(
      tenant.tenantId,
      phone.chatToken,
      await customerToken(tenant, maya),
    );
    expect(vouched.status).toBe(200);
    await settle(tenant);
    await page.until("the laptop visit", (ms) => shown(ms).length === 2);
    expect(shown(page.messages)).toEqual([
      "customer: Where is my order 18422?",
      "customer: Hi, it's m***@example.com again",
    ]);
    expect(JSON.stringify(page.messages)).not.toContain("tell me about my order");
    const offsets = page.messages.flatMap((m, i) =>
      m.type === "event" &&
      i > page.messages.findIndex((x) => (x as { type: string }).type === "replay")
        ? [m.offset]
        : [],
    );
    expect(offsets).toEqual([...offsets].sort((a, b) => a - b));
    page.close();
  });
});
