import { beforeEach, describe, expect, it } from "vitest";
import {
  accountState,
  connected,
  errorCode,
  newAccount,
  roundTrip,
  tenantOf,
} from "./support/oauth";
import { control, migrate } from "./support/worker";

beforeEach(migrate);

describe("Zendesk failing before the admin is proven", () => {
  it("answers 503 when the token exchange fails, stores nothing, and a new Connect works", async () => {
    const account = await newAccount();
    await control("zendesk", account.subdomain, "fail", {
      status: 500,
      times: 1,
      methods: ["POST"],
      path: "^/oauth/tokens$",
    });
    const response = await roundTrip(account);
    expect(response.status).toBe(503);
    expect(await errorCode(response)).toBe("zendesk_unavailable");
    expect(await tenantOf(account.subdomain)).toBeNull();
    await connected(account);
  });

  it("revokes the token when users/me cannot be read, storing nothing", async () => {
    const account = await newAccount();
    await control("zendesk", account.subdomain, "fail", {
      status: 500,
      times: 1,
      methods: ["GET"],
      path: "^/api/v2/users/me",
    });
    const response = await roundTrip(account);
    expect(response.status).toBe(503);
    expect(await tenantOf(account.subdomain)).toBeNull();
    expect((await accountState(account)).tokens).toEqual([
      { userId: "7001", revoked: true, renewed: false },
    ]);
  });
});
