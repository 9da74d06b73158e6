import { beforeEach, describe, expect, it } from "vitest";
import {
  approveAs,
  authorizeUrl,
  callback,
  collect,
  connected,
  consent,
  errorCode,
  newAccount,
} from "./support/oauth";
import { migrate } from "./support/worker";

beforeEach(migrate);

const AGENT = { id: "8002", name: "Sam Agent", role: "agent" };

async function refusal(response: Response) {
  return { status: response.status, ...((await response.json()) as { error: unknown }) };
}

describe("an app waiting on a round trip that ended without a session", () => {
  it("is told, from the first collection after the callback, that the approver is no admin", async () => {
    const account = await newAccount();
    await connected(account);
    await approveAs(account, AGENT);
    const authorize = await authorizeUrl(account, "admin_session");
    const state = authorize.searchParams.get("state")!;
    // Before Zendesk sends anyone back, the session is only pending.
    expect(await errorCode(await collect(account, state))).toBe("session_pending");

    expect((await callback(await consent(authorize))).status).toBe(403);
    expect(await refusal(await collect(account, state))).toMatchObject({
      status: 403,
      error: {
        code: "not_an_admin",
        message: expect.stringContaining("not an admin of this account"),
      },
    });
    // It stays so: the app may ask again and hears the same.
    expect(await errorCode(await collect(account, state))).toBe("not_an_admin");
  });

  it("says the approval was cancelled when the admin declined", async () => {
    const account = await newAccount();
    await connected(account);
    const authorize = await authorizeUrl(account, "admin_session");
    expect((await callback(await consent(authorize, "deny"))).status).toBe(403);
    expect(await errorCode(await collect(account, authorize.searchParams.get("state")!))).toBe(
      "consent_declined",
    );
  });

  it("keeps the first ending when the callback is replayed", async () => {
    const account = await newAccount();
    await connected(account);
    await approveAs(account, AGENT);
    const authorize = await authorizeUrl(account, "admin_session");
    const back = await consent(authorize);
    expect((await callback(back)).status).toBe(403);
    const replayed = await callback(back);
    expect(await errorCode(replayed)).toBe("state_used");
    expect(await errorCode(await collect(account, authorize.searchParams.get("state")!))).toBe(
      "not_an_admin",
    );
  });
});
