import { beforeEach, describe, expect, it } from "vitest";
import {
  accountState,
  approveAs,
  connected,
  errorCode,
  newAccount,
  received,
  roundTrip,
  tenantOf,
} from "./support/oauth";
import { migrate } from "./support/worker";

beforeEach(migrate);

const AGENT = { id: "8002", name: "Sam Agent", role: "agent" };
const ADMIN = { id: "7001", name: "Avery Admin", role: "admin" };

describe("only a Zendesk admin, as Zendesk says", () => {
  it("refuses an agent's token with 403, revokes it and stores nothing", async () => {
    const account = await newAccount(AGENT);
    const response = await roundTrip(account);
    expect(response.status).toBe(403);
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("not_an_admin");
    expect(body.error.message).toContain("agent");
    expect(await tenantOf(account.subdomain)).toBeNull();
    const state = await accountState(account);
    expect(state.webhooks).toEqual([]);
    expect(state.installations[account.installationId]!.settings.appSecret).toBeUndefined();
    // The token we will not keep is revoked at once.
    expect(state.tokens).toEqual([{ userId: AGENT.id, revoked: true, renewed: false }]);
    // The role was read from Zendesk with the token itself.
    const me = (await received(account)).find((r) => r.path === "/api/v2/users/me.json");
    expect(me?.status).toBe(200);
  });

  it("does not let an agent disconnect what an admin connected", async () => {
    const account = await newAccount(ADMIN);
    await connected(account);
    await approveAs(account, AGENT);
    const response = await roundTrip(account, "disconnect");
    expect(response.status).toBe(403);
    expect(await errorCode(response)).toBe("not_an_admin");
    const state = await accountState(account);
    expect(state.webhooks).toHaveLength(1);
    expect(state.tokens.filter((t) => !t.revoked)).toEqual([
      { userId: ADMIN.id, revoked: false, renewed: false },
    ]);
  });
});
