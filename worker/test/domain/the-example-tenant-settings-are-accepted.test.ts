import { describe, expect, it } from "vitest";
import example from "../../../docs/examples/tenant-settings.example.json";
import { SECRET_FIELDS, TenantSettingsUpdate } from "../../src/contracts/tenant-settings";

// The README tells operators to copy this file and send it with `npm run tenant -- settings`;
// the Worker validates that body with TenantSettingsUpdate (PUT /v1/admin/tenants/{id}/settings).
describe("the example tenant settings (docs/examples/tenant-settings.example.json)", () => {
  it("are accepted by the settings contract unchanged", () => {
    const parsed = TenantSettingsUpdate.safeParse(example);
    expect(parsed.error?.issues ?? []).toEqual([]);
    expect(parsed.data).toEqual(example);
  });

  it("cover every section an operator configures", () => {
    expect(Object.keys(example).sort()).toEqual(
      ["ai", "orders", "policy", "retention", "sunco", "webChat", "zendesk"].sort(),
    );
    expect(Object.keys(example.zendesk)).toEqual(
      expect.arrayContaining(["subdomain", "email", "apiToken", "webhookSecret"]),
    );
    expect(Object.keys(example.sunco)).toEqual(
      expect.arrayContaining(["appId", "keyId", "keySecret", "webhookSecret"]),
    );
    expect(Object.keys(example.orders)).toEqual(expect.arrayContaining(["baseUrl", "token"]));
  });

  it("hold only obvious placeholders where credentials go", () => {
    const sections = example as unknown as Record<string, Record<string, unknown>>;
    for (const [section, fields] of Object.entries(SECRET_FIELDS)) {
      for (const field of fields) {
        const value = sections[section]?.[field];
        if (value !== undefined) expect(value, `${section}.${field}`).toMatch(/^replace-me/);
      }
    }
  });
});
