import { beforeEach, describe, expect, it } from "vitest";
import { channelSignature } from "./support/signing";
import { channelEvent } from "./support/factories";
import { createTenant, sendChannelEvent } from "./support/tenant";
import { migrate, rowCounts } from "./support/worker";

beforeEach(migrate);

describe("generic channel events", () => {
  it("are accepted when X-Signature is the hex HMAC of the raw body under the app secret", async () => {
    const tenant = await createTenant();
    expect((await sendChannelEvent(tenant, channelEvent())).status).toBe(202);
  });

  it("are refused when signed for another body, by another tenant, or not at all", async () => {
    const tenant = await createTenant();
    const other = await createTenant();
    const event = channelEvent();
    const before = await rowCounts(tenant.tenantId);
    const signatures = [
      await channelSignature(tenant.appSecret, JSON.stringify({ ...event, id: "other" })),
      await channelSignature(other.appSecret, JSON.stringify(event)),
      "zz",
      "",
    ];
    for (const signature of signatures)
      expect((await sendChannelEvent(tenant, event, { signature })).status).toBe(401);
    expect(await rowCounts(tenant.tenantId)).toEqual(before);
  });
});
