import { beforeEach, describe, expect, it } from "vitest";
import { verifyZendeskSignature } from "../../src/integrations/zendesk/signature";
import { zendeskTicketEvent } from "./support/factories";
import { createTenant, sendZendeskEvent, ZENDESK_TEST_SECRET } from "./support/tenant";
import { migrate, rowCounts } from "./support/worker";

beforeEach(migrate);

const stamp = (offsetSeconds = 0) =>
  new Date(Date.now() + offsetSeconds * 1000).toISOString().replace(/\.\d{3}Z$/, "Z");

describe("Zendesk webhook signatures", () => {
  it("match a digest computed outside this code with Zendesk's published test secret", async () => {
    // base64(HMAC-SHA256(secret, timestamp + body)), secret as its UTF-8 bytes; vector from docs/vendor-contracts.md §2.3.
    const timestamp = "2021-03-25T05:09:27Z";
    const body = '{"event":"ticket.updated","id":123}';
    const signature = "S/RDdU2ERmj7LHDDoWJ2onPYH+t7/f2+LTM4dL7UiLM=";
    const at = Date.parse(timestamp);
    expect(
      await verifyZendeskSignature(ZENDESK_TEST_SECRET, { signature, timestamp }, body, at),
    ).toEqual({ ok: true });
    expect(
      (await verifyZendeskSignature(ZENDESK_TEST_SECRET, { signature, timestamp }, body + " ", at))
        .ok,
    ).toBe(false);
  });

  it("accept a signed event", async () => {
    const tenant = await createTenant();
    const response = await sendZendeskEvent(tenant, zendeskTicketEvent("created", { id: "700" }));
    expect(response.status).toBe(202);
    expect(await response.json()).toEqual({ accepted: 1, duplicates: 0, ignored: 0 });
  });

  it("reject forged, stale, future, unsigned and other-secret deliveries, storing nothing", async () => {
    const tenant = await createTenant();
    const event = zendeskTicketEvent("created", { id: "701" });
    const before = await rowCounts(tenant.tenantId);
    const cases: [string, Parameters<typeof sendZendeskEvent>[2]][] = [
      ["forged", { signature: "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=" }],
      ["other secret", { secret: "someone-elses-secret" }],
      ["stale", { timestamp: stamp(-330) }],
      ["future", { timestamp: stamp(330) }],
      ["not a timestamp", { timestamp: "yesterday" }],
    ];
    for (const [name, init] of cases) {
      const response = await sendZendeskEvent(tenant, event, init);
      expect(response.status, name).toBe(401);
      expect(((await response.json()) as { error: { code: string } }).error.code, name).toBe(
        "invalid_signature",
      );
    }
    expect(await rowCounts(tenant.tenantId)).toEqual(before);
  });

  it("check the signature before reading the body: garbage unsigned is 401, garbage signed is 400", async () => {
    const tenant = await createTenant();
    const unsigned = await sendZendeskEvent(tenant, "{not json", { signature: "bm9wZQ==" });
    expect(unsigned.status).toBe(401);
    const signed = await sendZendeskEvent(tenant, "{not json");
    expect(signed.status).toBe(400);
    expect(await signed.json()).toMatchObject({ error: { code: "malformed_json" } });
  });

  it("accept a delivery inside the staleness window", async () => {
    const tenant = await createTenant();
    const response = await sendZendeskEvent(tenant, zendeskTicketEvent("created", { id: "702" }), {
      timestamp: stamp(-240),
    });
    expect(response.status).toBe(202);
  });
});
