import { beforeEach, describe, expect, it } from "vitest";
import { askChatAttach, attachChat, reply, sendChat, startChat } from "./support/web-chat";
import { createTenant, readSessionContext, settle } from "./support/tenant";
import { migrate, rowCounts } from "./support/worker";

beforeEach(migrate);

describe("a message from the web chat page", () => {
  it("goes through the channel ingest into the thread, once however often it is sent", async () => {
    const tenant = await createTenant();
    const visit = await startChat(tenant);
    // Nothing to attach to before the first message has reached a thread: ask again later.
    const early = await askChatAttach(tenant.tenantId, visit.chatToken);
    expect(early.status).toBe(202);
    expect(await early.json()).toEqual({ ready: false, retryAfterMs: 500 });

    const first = await sendChat(tenant.tenantId, visit.chatToken, {
      id: "m-1",
      text: "How long do I have to return something?",
    });
    expect(first.status).toBe(202);
    expect(await first.json()).toEqual({ accepted: 1, duplicates: 0 });
    // The page lost the answer and sends the same message again.
    const again = await sendChat(tenant.tenantId, visit.chatToken, {
      id: "m-1",
      text: "How long do I have to return something?",
    });
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ accepted: 0, duplicates: 1 });
    await settle(tenant);

    const context = await readSessionContext(tenant, visit.sessionId);
    expect(context.thread.id).toMatch(/^THR-/);

    const page = await attachChat(tenant, visit);
    await page.until("the reply", (ms) => ms.some(reply));
    const said = page.events().filter((m) => m.event.type === "message.received");
    expect(said).toHaveLength(1);
    expect(said[0]!.event).toMatchObject({ text: "How long do I have to return something?" });
    page.close();
  });

  it("is refused with a JSON error saying what is wrong, and nothing is stored", async () => {
    const tenant = await createTenant();
    const visit = await startChat(tenant);
    const before = await rowCounts(tenant.tenantId);
    const refused = async (response: Response, status: number, code: string) => {
      expect(response.status).toBe(status);
      expect(await response.json()).toMatchObject({ error: { code, message: expect.any(String) } });
    };
    await refused(
      await sendChat(tenant.tenantId, visit.chatToken, { id: "m-1", text: "  " }),
      422,
      "invalid_body",
    );
    await refused(
      await sendChat(tenant.tenantId, visit.chatToken, { id: "m 1!", text: "Hi" }),
      422,
      "invalid_body",
    );
    await refused(
      await sendChat(tenant.tenantId, visit.chatToken, { id: "m-1", text: "x".repeat(4001) }),
      422,
      "invalid_body",
    );
    await refused(
      await sendChat(tenant.tenantId, undefined, { id: "m-1", text: "Hi" }),
      401,
      "no_chat_credential",
    );
    await refused(
      await sendChat(tenant.tenantId, `${visit.chatToken}x`, { id: "m-1", text: "Hi" }),
      401,
      "invalid_chat_credential",
    );
    expect(await rowCounts(tenant.tenantId)).toEqual(before);
  });
});
