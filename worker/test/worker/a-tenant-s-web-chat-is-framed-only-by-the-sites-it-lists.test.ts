import { beforeEach, describe, expect, it } from "vitest";
import { createTenant, type TestTenant } from "./support/tenant";
import { call, migrate, OPERATOR } from "./support/worker";

beforeEach(migrate);

function setWebChat(tenant: TestTenant, webChat: unknown) {
  return call(`/v1/admin/tenants/${tenant.tenantId}/settings`, {
    method: "PUT",
    headers: { ...OPERATOR, "content-type": "application/json" },
    body: JSON.stringify({ webChat }),
  });
}

async function frameAncestors(tenant: TestTenant): Promise<string> {
  const page = await call(`/chat/${tenant.tenantId}`);
  expect(page.status).toBe(200);
  const policy = page.headers.get("content-security-policy") ?? "";
  return /frame-ancestors ([^;]*)/.exec(policy)?.[1] ?? "";
}

describe("a tenant's web chat page", () => {
  it("may be framed only by the sites the tenant lists; another tenant's stays as it was", async () => {
    const [shop, other] = [await createTenant(), await createTenant()];
    expect(await frameAncestors(shop)).toBe("'self' https:");
    const saved = await setWebChat(shop, {
      frameOrigins: ["https://shop.example", "https://Help.Shop.Example:8443/"],
    });
    expect(saved.status).toBe(200);
    // Stored as origins, so the policy names exactly what a browser compares.
    expect(await frameAncestors(shop)).toBe(
      "'self' https://shop.example https://help.shop.example:8443",
    );
    expect(await frameAncestors(other)).toBe("'self' https:");

    // An empty list is "any https site" again.
    expect((await setWebChat(shop, { frameOrigins: [] })).status).toBe(200);
    expect(await frameAncestors(shop)).toBe("'self' https:");
  });

  it("refuses what is not an https origin, says which, and keeps the list it had", async () => {
    const shop = await createTenant();
    expect((await setWebChat(shop, { frameOrigins: ["https://shop.example"] })).status).toBe(200);
    for (const wrong of [
      "http://shop.example",
      "https://shop.example/help",
      "https://shop.example/?frame=1",
      "shop.example",
      "*",
    ]) {
      const refused = await setWebChat(shop, { frameOrigins: ["https://ok.example", wrong] });
      expect(refused.status, wrong).toBe(422);
      const body = (await refused.json()) as {
        error: { issues: { path: string; message: string }[] };
      };
      const issue = body.error.issues.find((i) => i.path === "webChat.frameOrigins[1]");
      expect(issue?.message).toContain(`"${wrong}" is not an https origin`);
    }
    expect(await frameAncestors(shop)).toBe("'self' https://shop.example");
  });
});
