import { beforeEach, describe, expect, it } from "vitest";
import {
  accountState,
  approveAs,
  authorizeUrl,
  callback,
  collect,
  connected,
  consent,
  errorCode,
  newAccount,
  start,
} from "./support/oauth";
import { countRows, migrate } from "./support/worker";

beforeEach(migrate);

const ADMIN = { id: "7001", name: "Avery Admin", role: "admin" };
const AGENT = { id: "8002", name: "Sam Agent", role: "agent" };

describe("signing in as admin, as Zendesk says", () => {
  it("refuses an agent's consent, revokes the token and mints no session", async () => {
    const account = await newAccount(ADMIN);
    await connected(account);
    const sessions = await countRows("admin_sessions");
    await approveAs(account, AGENT);
    const authorize = await authorizeUrl(account, "admin_session");
    const back = await callback(await consent(authorize));
    expect(back.status).toBe(403);
    expect(await errorCode(back)).toBe("not_an_admin");
    expect(await countRows("admin_sessions")).toBe(sessions);
    const state = await accountState(account);
    expect(state.tokens.filter((t) => t.userId === AGENT.id)).toEqual([
      { userId: AGENT.id, revoked: true, renewed: false },
    ]);
    // The app waiting to collect is told at once why there is no session.
    const collected = await collect(account, authorize.searchParams.get("state")!);
    expect(collected.status).toBe(403);
    expect(await errorCode(collected)).toBe("not_an_admin");
  });

  it("revokes an admin's token at once: the session is all that is kept", async () => {
    const account = await newAccount(ADMIN);
    await connected(account);
    const back = await callback(await consent(await authorizeUrl(account, "admin_session")));
    expect(back.status).toBe(200);
    expect(await back.json()).toMatchObject({
      intent: "admin_session",
      signedInAs: { userId: ADMIN.id, role: "admin" },
    });
    const tokens = (await accountState(account)).tokens;
    // Connect's token is kept as the tenant's credential; the sign-in's is revoked.
    expect(tokens.filter((t) => !t.revoked)).toHaveLength(1);
    expect(tokens).toHaveLength(2);
  });

  it("is started by the installed app only", async () => {
    const account = await newAccount(ADMIN);
    await connected(account);
    const response = await start(account, "admin_session", { appSecret: "wrong" });
    expect(response.status).toBe(401);
  });
});
