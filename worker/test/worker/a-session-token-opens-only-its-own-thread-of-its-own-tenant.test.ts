import { env } from "cloudflare:test";
import { beforeEach, describe, expect, it } from "vitest";
import { signSessionToken } from "../../src/security/session-token";
import { channelEvent } from "./support/factories";
import { askToken, attachRequest, sessionToken } from "./support/live-session";
import {
  createTenant,
  readContext,
  sendChannelEvent,
  settle,
  type TestTenant,
} from "./support/tenant";
import { migrate, rowCounts } from "./support/worker";

beforeEach(migrate);

async function threadOn(tenant: TestTenant, ticketId: string): Promise<string> {
  await sendChannelEvent(
    tenant,
    channelEvent({
      ticketId,
      sessionId: `WC-${ticketId}`,
      message: { author: "customer", text: "Hello?" },
    }),
  );
  await settle(tenant);
  return (await readContext(tenant, ticketId)).thread.id;
}

async function refused(response: Response, status: number, code: string) {
  expect(response.status).toBe(status);
  expect(response.webSocket).toBeNull();
  expect(await response.json()).toMatchObject({ error: { code } });
}

describe("a live session's token", () => {
  it("is given only for a thread of the asking tenant, on the person's own ticket", async () => {
    const a = await createTenant();
    const b = await createTenant();
    const threadOfA = await threadOn(a, "810");
    await threadOn(b, "820");

    await refused(await askToken(b, threadOfA, { ticketId: "820" }), 404, "not_on_thread");
    await refused(await askToken(a, threadOfA, { ticketId: "999" }), 404, "not_on_thread");
    await refused(
      await askToken(a, threadOfA, { ticketId: "810" }, "not-the-secret"),
      401,
      "unauthorized",
    );
    await refused(
      await askToken(a, threadOfA, { ticketId: "810", role: "customer" }),
      422,
      "invalid_body",
    );
  });

  it("is refused before any upgrade for another tenant, another thread, once expired, or forged", async () => {
    const a = await createTenant();
    const b = await createTenant();
    const threadOfA = await threadOn(a, "830");
    const otherOfA = await threadOn(a, "831");
    const threadOfB = await threadOn(b, "840");
    const before = await rowCounts(a.tenantId);

    // Tenant B's token names tenant B: tenant A's thread is not found there.
    const ofB = await sessionToken(b, threadOfB, { ticketId: "840" });
    const signed = (tenantId: string, exp: number, key = env.SECRETS_KEY) =>
      signSessionToken(key, {
        v: 1,
        tenant: tenantId,
        thread: threadOfA,
        role: "agent",
        participant: "agent-7",
        label: "sidebar",
        exp,
      });
    const forgedTenant = await signed(
      a.tenantId,
      Date.now() + 60_000,
      "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
    );
    const expired = await signed(a.tenantId, Date.now() - 1);
    const bTokenOnA = await signed(b.tenantId, Date.now() + 60_000);
    const ofA = await sessionToken(a, threadOfA, { ticketId: "830" });

    await refused(await attachRequest(threadOfA, ofB), 403, "wrong_thread");
    await refused(await attachRequest(threadOfA, bTokenOnA), 404, "thread_not_found");
    await refused(await attachRequest(otherOfA, ofA), 403, "wrong_thread");
    await refused(await attachRequest(threadOfA, expired), 401, "session_token_expired");
    await refused(await attachRequest(threadOfA, forgedTenant), 401, "invalid_session_token");
    await refused(await attachRequest(threadOfA, `${ofA}x`), 401, "invalid_session_token");
    await refused(await attachRequest(threadOfA, ofA, 0, false), 426, "upgrade_required");
    await refused(await attachRequest(threadOfA, ofA, 10_000), 422, "offset_ahead");

    // Nobody attached, so nobody joined: the refusals left no trace.
    expect(await rowCounts(a.tenantId)).toEqual(before);
  });
});
