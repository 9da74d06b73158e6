import { describe, expect, it } from "vitest";
import { identityHash } from "../../src/security/identity-hash";
import { identityKey } from "../../src/security/keys";

// Two root keys of the same length (base64 of 32 bytes), as before and after a rotation.
const before = btoa(String.fromCharCode(...new Uint8Array(32).fill(1)));
const after = btoa(String.fromCharCode(...new Uint8Array(32).fill(2)));

const hashWith = async (secretsKey: string, tenantId: string) =>
  identityHash(await identityKey(secretsKey, tenantId), {
    kind: "email",
    value: "maya.ortiz@example.com",
  });

describe("a tenant's identity key", () => {
  it("changes with the root key, even for a root key of the same length", async () => {
    expect(before.length).toBe(after.length);
    const first = await hashWith(before, "ten_a");
    const second = await hashWith(after, "ten_a");
    expect(second).not.toBe(first);
    // And each root keeps giving its own hashes from the cache.
    expect(await hashWith(before, "ten_a")).toBe(first);
    expect(await hashWith(after, "ten_a")).toBe(second);
  });

  it("differs between tenants under one root key", async () => {
    expect(await hashWith(before, "ten_a")).not.toBe(await hashWith(before, "ten_b"));
  });
});
