import { beforeEach, describe, expect, it } from "vitest";
import { suncoDelivery, suncoMessage } from "./support/factories";
import { createTenant, sendSuncoEvents } from "./support/tenant";
import { migrate, rowCounts } from "./support/worker";

beforeEach(migrate);

describe("Sunshine Conversations webhooks", () => {
  it("are accepted with the tenant's X-API-Key", async () => {
    const tenant = await createTenant();
    const response = await sendSuncoEvents(tenant, suncoDelivery([suncoMessage({ text: "hi" })]));
    expect(response.status).toBe(202);
  });

  it("are refused with a wrong, empty or another tenant's key, storing nothing", async () => {
    const tenant = await createTenant();
    const other = await createTenant();
    const before = await rowCounts(tenant.tenantId);
    for (const key of ["wrong", "", other.suncoSecret, tenant.suncoSecret.slice(0, -1)]) {
      const response = await sendSuncoEvents(tenant, suncoDelivery([suncoMessage()]), key);
      expect(response.status, key).toBe(401);
    }
    expect(await rowCounts(tenant.tenantId)).toEqual(before);
  });
});
