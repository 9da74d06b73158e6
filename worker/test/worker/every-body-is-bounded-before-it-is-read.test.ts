import { beforeEach, describe, expect, it } from "vitest";
import { MAX_BODY_BYTES } from "../../src/lib/body-limit";
import { channelEvent } from "./support/factories";
import { createTenant, sendChannelEvent, settle, ticketContext } from "./support/tenant";
import { call, migrate, OPERATOR, rowCounts } from "./support/worker";

beforeEach(migrate);

/** A JSON body just past the limit, well-formed, so only its size can refuse it. */
const oversized = JSON.stringify({ summary: "x".repeat(MAX_BODY_BYTES + 1) });

describe("a body larger than the limit", () => {
  it("is refused with 413 before it is parsed, on every authenticated route that reads a body", async () => {
    const tenant = await createTenant();
    await sendChannelEvent(tenant, channelEvent({ ticketId: "4401" }));
    await settle(tenant);
    const { thread } = (await (await ticketContext(tenant, "4401")).json()) as {
      thread: { id: string };
    };
    const asApp = { authorization: `Bearer ${tenant.appSecret}` };
    const routes: [string, string, Record<string, string>][] = [
      ["PUT", `/v1/threads/${thread.id}/summary`, asApp],
      ["POST", `/v1/threads/${thread.id}/actions`, asApp],
      ["PUT", `/v1/admin/tenants/${tenant.tenantId}/settings`, OPERATOR],
      ["POST", `/v1/admin/tenants/${tenant.tenantId}/erasures`, OPERATOR],
      ["POST", `/v1/admin/tenants`, OPERATOR],
    ];
    const before = await rowCounts();
    for (const [method, path, auth] of routes) {
      const answer = await call(path, {
        method,
        headers: { ...auth, "content-type": "application/json" },
        body: oversized,
      });
      expect({ path, status: answer.status }).toEqual({ path, status: 413 });
      expect(((await answer.json()) as { error: { code: string } }).error.code).toBe(
        "payload_too_large",
      );
    }
    expect(await rowCounts()).toEqual(before);
  });
});
