import { beforeEach, describe, expect, it } from "vitest";
import { call, migrate, OPERATOR, rowCounts } from "./support/worker";

beforeEach(migrate);

const create = (headers: Record<string, string>) =>
  call("/v1/admin/tenants", {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({ subdomain: "acme" }),
  });

describe("the admin API", () => {
  it("refuses a missing or wrong operator token and stores nothing", async () => {
    const before = await rowCounts();
    const attempts: Record<string, string>[] = [
      {},
      { authorization: "Bearer nope" },
      { authorization: "Basic b3A6dG9rZW4=" },
    ];
    for (const headers of attempts) {
      const response = await create(headers);
      expect(response.status).toBe(401);
      expect(await response.json()).toMatchObject({ error: { code: "unauthorized" } });
    }
    expect(await rowCounts()).toEqual(before);
  });

  it("creates a tenant once per subdomain", async () => {
    const first = await create(OPERATOR);
    expect(first.status).toBe(201);
    const second = await create(OPERATOR);
    expect(second.status).toBe(409);
    expect(await second.json()).toMatchObject({ error: { code: "subdomain_taken" } });
  });

  it("explains what is wrong with a bad body", async () => {
    const response = await call("/v1/admin/tenants", {
      method: "POST",
      headers: { ...OPERATOR, "content-type": "application/json" },
      body: JSON.stringify({ subdomain: "not a subdomain!" }),
    });
    expect(response.status).toBe(422);
    const body = (await response.json()) as { error: { issues: { path: string }[] } };
    expect(body.error.issues[0]?.path).toBe("subdomain");
  });
});
