import { beforeEach, describe, expect, it } from "vitest";
import { customer, order } from "./support/factories";
import { readSessionContext, createTenant, settle, type TestTenant } from "./support/tenant";
import { CONVERSATION, customerWithTheAi, threadLog, transfer } from "./support/transfers";
import { attachChat, sendChat, startChat, type ChatVisit } from "./support/web-chat";
import { call, migrate } from "./support/worker";

beforeEach(migrate);

const asTheApp = (tenant: TestTenant, path: string, body: unknown) =>
  call(path, {
    method: "POST",
    headers: { authorization: `Bearer ${tenant.appSecret}`, "content-type": "application/json" },
    body: JSON.stringify(body),
  });

/** A visitor on the chat page asks about a delivery; the AI has the conversation. */
async function visitorWithTheAi(): Promise<{ tenant: TestTenant; visit: ChatVisit }> {
  const tenant = await createTenant({
    orders: { customers: [customer()], orders: [order({ id: "W4410" })] },
  });
  const visit = await startChat(tenant);
  expect(
    (
      await sendChat(tenant.tenantId, visit.chatToken, {
        id: "m-1",
        text: "Can I talk to someone about a delivery?",
      })
    ).status,
  ).toBe(202);
  await settle(tenant);
  return { tenant, visit };
}

describe("a person writing to a web chat customer from the sidebar", () => {
  it("is refused while the AI has the conversation, reaches the page once they have it under the person's first name, and is sent once", async () => {
    const { tenant, visit } = await visitorWithTheAi();
    const page = await attachChat(tenant, visit);
    const { threadId } = page;
    const viewer = { sessionId: visit.sessionId };
    const write = (id: string, text: string) =>
      asTheApp(tenant, `/v1/threads/${threadId}/chat-messages`, {
        ...viewer,
        id,
        text,
        name: "Dana Whitfield",
      });

    const early = await write("p-0", "Hello, a person here.");
    expect(early.status).toBe(422);
    expect(((await early.json()) as { error: { code: string } }).error.code).toBe(
      "ai_has_the_conversation",
    );

    const context = await readSessionContext(tenant, visit.sessionId);
    expect(context.sessions).toEqual([
      expect.objectContaining({ id: visit.sessionId, chatPage: true }),
    ]);
    const taken = await asTheApp(tenant, `/v1/threads/${threadId}/transfers`, {
      ...viewer,
      requestId: crypto.randomUUID(),
      to: "human",
      expectedVersion: context.version,
      actor: "agent-7",
      name: "Dana Whitfield",
    });
    expect(taken.status).toBe(200);
    await settle(tenant);

    expect((await write("p-1", "Hi, Dana here. It left our warehouse today.")).status).toBe(202);
    expect((await write("p-1", "Hi, Dana here. It left our warehouse today.")).status).toBe(200);
    await settle(tenant);
    await page.until("Dana's message", (ms) =>
      ms.some(
        (m) =>
          m.type === "event" && m.event.type === "message.received" && m.event.author === "agent",
      ),
    );
    const fromDana = page.messages.flatMap((m) =>
      m.type === "event" && m.event.type === "message.received" && m.event.author === "agent"
        ? [{ text: m.event.text, writer: m.event.writer }]
        : [],
    );
    // The customer is shown who wrote it by first name only.
    expect(fromDana).toEqual([
      { text: "Hi, Dana here. It left our warehouse today.", writer: "Dana" },
    ]);
    const log = await threadLog(tenant, threadId);
    expect(log.filter((e) => e.type === "message.received" && e.author === "agent")).toHaveLength(
      1,
    );
    expect(log.filter((e) => e.type === "ai.left")).toEqual([
      expect.objectContaining({ reason: "first_message" }),
    ]);
    page.close();
  });

  it("is refused on a thread whose customer is not on the chat page (there, the agent workspace answers)", async () => {
    const { tenant, threadId } = await customerWithTheAi();
    expect((await transfer(tenant, threadId, { to: "human" })).status).toBe(200);
    const answer = await asTheApp(tenant, `/v1/threads/${threadId}/chat-messages`, {
      sessionId: CONVERSATION,
      id: "p-1",
      text: "Hello",
    });
    expect(answer.status).toBe(422);
    expect(((await answer.json()) as { error: { code: string } }).error.code).toBe(
      "no_chat_page_conversation",
    );
  });
});
