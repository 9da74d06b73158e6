import { env } from "cloudflare:test";
import { beforeEach, describe, expect, it } from "vitest";
import { signChatToken } from "../../src/security/chat-token";
import { channelEvent, customer, order } from "./support/factories";
import { attachRequest } from "./support/live-session";
import {
  askChatAttach,
  attachChat,
  customerToken,
  identifyChat,
  openChat,
  reply,
  sendChat,
  startChat,
} from "./support/web-chat";
import {
  createTenant,
  readContext,
  readSessionContext,
  sendChannelEvent,
  settle,
  type TestTenant,
} from "./support/tenant";
import { migrate, rowCounts } from "./support/worker";

beforeEach(migrate);

const maya = { type: "email", value: "maya.ortiz@example.com" };
const seed = { orders: { customers: [customer()], orders: [order()] } };

async function refused(response: Response, status: number, code: string) {
  expect(response.status).toBe(status);
  expect(response.webSocket ?? null).toBeNull();
  const body = await response.json();
  expect(body).toMatchObject({ error: { code } });
  // Neither the token nor what it names comes back.
  expect(JSON.stringify(body)).not.toMatch(/maya|@example/);
}

async function otherThread(tenant: TestTenant, ticketId: string) {
  await sendChannelEvent(
    tenant,
    channelEvent({
      ticketId,
      identifiers: [{ type: "email", value: "someone.else@example.com" }],
      message: { author: "customer", text: "My parcel is late." },
    }),
  );
  await settle(tenant);
  return (await readContext(tenant, ticketId)).thread.id;
}

describe("a customer token signed by the tenant's site", () => {
  it("opens a verified chat for that customer, attached to its own thread and no other", async () => {
    const tenant = await createTenant(seed);
    const elsewhere = await otherThread(tenant, "930");
    const visit = await startChat(tenant, await customerToken(tenant, maya));
    expect(visit.identified).toBe(true);
    await settle(tenant);
    expect((await readSessionContext(tenant, visit.sessionId)).identity.level).toBe("high");

    await sendChat(tenant.tenantId, visit.chatToken, { id: "c-1", text: "Where is order 18422?" });
    await settle(tenant);
    const page = await attachChat(tenant, visit);
    expect(page.threadId).not.toBe(elsewhere);
    expect(page.threadId).toBe((await readSessionContext(tenant, visit.sessionId)).thread.id);
    await page.until("the answer", (ms) => ms.some(reply));
    // The customer sees who is there: the AI agent that has the conversation, and themselves.
    expect(page.presence()?.participants).toEqual([
      expect.objectContaining({ role: "ai" }),
      expect.objectContaining({ role: "customer", label: "web chat (Firefox on Linux)" }),
    ]);

    // The live-session token it was given opens its own thread only.
    const attach = (await (await askChatAttach(tenant.tenantId, visit.chatToken)).json()) as {
      token: string;
    };
    await refused(await attachRequest(elsewhere, attach.token), 403, "wrong_thread");
    page.close();
  });

  it("is refused when signed for another tenant, expired, too long-lived, used twice or forged, and nothing is stored", async () => {
    const a = await createTenant(seed);
    const b = await createTenant(seed);
    const before = await rowCounts(a.tenantId);
    const beforeB = await rowCounts(b.tenantId);

    // Signed by tenant B's backend: at tenant A it is not A's signature, whatever it names.
    await refused(
      await openChat(a.tenantId, { customerToken: await customerToken(b, maya) }),
      401,
      "invalid_customer_token",
    );
    await refused(
      await openChat(a.tenantId, {
        customerToken: await customerToken(b, maya, { tenantId: a.tenantId }),
      }),
      401,
      "invalid_customer_token",
    );
    // Signed with A's secret but naming B: not for A.
    await refused(
      await openChat(a.tenantId, {
        customerToken: await customerToken(a, maya, { tenantId: b.tenantId }),
      }),
      401,
      "invalid_customer_token",
    );
    await refused(
      await openChat(a.tenantId, {
        customerToken: await customerToken(a, maya, { expiresIn: -1 }),
      }),
      401,
      "invalid_customer_token",
    );
    await refused(
      await openChat(a.tenantId, {
        customerToken: await customerToken(a, maya, { expiresIn: 24 * 3600 }),
      }),
      401,
      "invalid_customer_token",
    );
    await refused(
      await openChat(a.tenantId, { customerToken: "not.a-token" }),
      401,
      "invalid_customer_token",
    );
    await refused(
      await openChat(a.tenantId, {
        customerToken: await customerToken(a, { type: "shoe_size", value: "42" }),
      }),
      401,
      "invalid_customer_token",
    );
    await refused(await openChat("ten_nobody", {}), 404, "no_web_chat");
    await refused(await openChat(a.tenantId, { customerToken: "" }), 422, "invalid_body");
    expect(await rowCounts(a.tenantId)).toEqual(before);
    expect(await rowCounts(b.tenantId)).toEqual(beforeB);

    // One token opens one chat once: a copy of it opens nothing.
    const once = await customerToken(a, maya);
    await startChat(a, once);
    await refused(await openChat(a.tenantId, { customerToken: once }), 409, "customer_token_used");
    const anonymous = await startChat(a);
    await refused(
      await identifyChat(a.tenantId, anonymous.chatToken, once),
      409,
      "customer_token_used",
    );
  });

  it("leaves a chat credential of tenant A useless at tenant B", async () => {
    const a = await createTenant(seed);
    const b = await createTenant(seed);
    const visit = await startChat(a, await customerToken(a, maya));
    await sendChat(a.tenantId, visit.chatToken, { id: "x-1", text: "Hello" });
    await settle(a);
    const before = await rowCounts(b.tenantId);

    await refused(
      await sendChat(b.tenantId, visit.chatToken, { id: "x-2", text: "Hi" }),
      403,
      "wrong_tenant",
    );
    await refused(await askChatAttach(b.tenantId, visit.chatToken), 403, "wrong_tenant");
    await refused(
      await identifyChat(b.tenantId, visit.chatToken, await customerToken(b, maya)),
      403,
      "wrong_tenant",
    );
    expect(await rowCounts(b.tenantId)).toEqual(before);

    // A's credential past its time, or signed with any other key, opens nothing at A either.
    const expired = await signChatToken(env.SECRETS_KEY, {
      v: 1,
      tenant: a.tenantId,
      session: visit.sessionId,
      exp: Date.now() - 1,
    });
    const forged = await signChatToken("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=", {
      v: 1,
      tenant: a.tenantId,
      session: visit.sessionId,
      exp: Date.now() + 60_000,
    });
    await refused(await askChatAttach(a.tenantId, expired), 401, "chat_credential_expired");
    await refused(await askChatAttach(a.tenantId, forged), 401, "invalid_chat_credential");
    await refused(await askChatAttach(a.tenantId, undefined), 401, "no_chat_credential");
  });
});
