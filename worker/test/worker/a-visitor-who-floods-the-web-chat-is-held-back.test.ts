import { beforeEach, describe, expect, it } from "vitest";
import { createTenant, settle, readSessionContext } from "./support/tenant";
import { startChat } from "./support/web-chat";
import { call, migrate, rowCounts } from "./support/worker";

beforeEach(migrate);

/** Limits per minute, as wrangler.toml declares them. */
const OPENINGS = 60;
const MESSAGES = 30;

function openFrom(tenantId: string, address: string) {
  return call(`/v1/chat/${tenantId}/sessions`, {
    method: "POST",
    headers: { "content-type": "application/json", "cf-connecting-ip": address },
    body: JSON.stringify({ device: "Firefox on Linux" }),
  });
}

function send(tenantId: string, chatToken: string, id: string) {
  return call(`/v1/chat/${tenantId}/messages`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${chatToken}` },
    body: JSON.stringify({ id, text: `Is order W${String(id).padStart(7, "0")} on its way?` }),
  });
}

async function refusedWithWait(response: Response, code: string) {
  expect(response.status).toBe(429);
  expect(response.headers.get("retry-after")).toBe("60");
  expect(await response.json()).toMatchObject({ error: { code } });
}

describe("a visitor who floods the web chat", () => {
  it("opens chats from one address up to the limit, then is told to wait; others are not", async () => {
    const [tenant, other] = [await createTenant(), await createTenant()];
    const address = "203.0.113.7";
    const opened = await Promise.all(
      Array.from({ length: OPENINGS }, () => openFrom(tenant.tenantId, address)),
    );
    expect(opened.map((r) => r.status)).toEqual(opened.map(() => 201));
    await refusedWithWait(await openFrom(tenant.tenantId, address), "too_many_chats");
    // Another address on the same tenant, and the same address on another tenant, still open.
    expect((await openFrom(tenant.tenantId, "198.51.100.20")).status).toBe(201);
    expect((await openFrom(other.tenantId, address)).status).toBe(201);
  });

  it("sends up to the limit in one chat, then is refused with nothing stored; another chat sends", async () => {
    const tenant = await createTenant();
    const flooding = await startChat(tenant);
    for (let i = 0; i < MESSAGES; i++)
      expect((await send(tenant.tenantId, flooding.chatToken, `m${i}`)).status).toBe(202);
    await settle(tenant);
    const before = await rowCounts();
    await refusedWithWait(
      await send(tenant.tenantId, flooding.chatToken, "over"),
      "too_many_messages",
    );
    await settle(tenant);
    expect(await rowCounts()).toEqual(before);
    const context = await readSessionContext(tenant, flooding.sessionId);
    expect(context.timeline.filter((e) => e.kind === "message")).toHaveLength(MESSAGES);

    const calm = await startChat(tenant);
    expect((await send(tenant.tenantId, calm.chatToken, "hello")).status).toBe(202);
  });
});
