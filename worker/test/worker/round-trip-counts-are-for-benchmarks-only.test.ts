import { describe, expect, it } from "vitest";
import { call, OPERATOR } from "./support/worker";

describe("the D1 round-trip counts", () => {
  it("are hidden outside benchmark runs and guarded by the operator token", async () => {
    const anonymous = await call("/v1/admin/round-trips");
    expect(anonymous.status).toBe(401);
    const operator = await call("/v1/admin/round-trips", { headers: OPERATOR });
    expect(operator.status).toBe(404);
    expect(await operator.json()).toMatchObject({ error: { code: "not_found" } });
  });

  it("are described in the OpenAPI document", async () => {
    const document = (await (await call("/openapi.json")).json()) as {
      paths: Record<string, unknown>;
    };
    expect(document.paths).toHaveProperty("/v1/admin/round-trips");
  });
});
