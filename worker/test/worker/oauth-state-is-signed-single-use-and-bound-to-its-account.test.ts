import { env } from "cloudflare:test";
import { beforeEach, describe, expect, it } from "vitest";
import { signState } from "../../src/security/oauth-state";
import {
  authorizeUrl,
  callback,
  consent,
  errorCode,
  newAccount,
  received,
  start,
  tenantOf,
} from "./support/oauth";
import { migrate } from "./support/worker";

beforeEach(migrate);

/** The callback path with the state swapped for another. */
function withState(path: string, state: string): string {
  const url = new URL(path, "https://continuity.test");
  url.searchParams.set("state", state);
  return `${url.pathname}${url.search}`;
}

describe("the OAuth state", () => {
  it("sends the admin to the account's consent screen with a signed state", async () => {
    const account = await newAccount();
    const response = await start(account);
    expect(response.status).toBe(302);
    const url = new URL(response.headers.get("location")!);
    expect(url.pathname).toBe(`/s/${account.subdomain}/oauth/authorizations/new`);
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      response_type: "code",
      client_id: env.ZENDESK_CLIENT_ID,
      redirect_uri: "https://continuity.test/v1/zendesk/oauth/callback",
      scope: "read write",
    });
    expect(url.searchParams.get("state")).toMatch(/^[\w-]+\.[\w-]+$/);
    expect(((await response.json()) as { authorizeUrl: string }).authorizeUrl).toBe(url.href);
  });

  it("answers the address as JSON to the app, which asks through Zendesk's proxy", async () => {
    const account = await newAccount();
    const response = await start(account, "connect", { accept: "application/json" });
    expect(response.status).toBe(200);
    const { authorizeUrl: url } = (await response.json()) as { authorizeUrl: string };
    expect(new URL(url).pathname).toBe(`/s/${account.subdomain}/oauth/authorizations/new`);
  });

  it("refuses a bad subdomain or installation id before anything is issued", async () => {
    const bad = await start({ subdomain: "Not A Subdomain", installationId: "12" });
    expect(bad.status).toBe(422);
    const noInstallation = await start({ subdomain: "acme", installationId: "abc" });
    expect(noInstallation.status).toBe(422);
  });

  it("refuses a forged or tampered state, storing nothing", async () => {
    const account = await newAccount();
    const path = await consent(await authorizeUrl(account));
    const state = new URL(path, "https://x").searchParams.get("state")!;
    const [body, mac] = state.split(".") as [string, string];
    // The same payload naming another account, with the original signature.
    const payload = JSON.parse(atob(body.replace(/-/g, "+").replace(/_/g, "/"))) as Record<
      string,
      unknown
    >;
    const otherAccount = btoa(JSON.stringify({ ...payload, subdomain: "someone-else" }))
      .replace(/\+/g, "-")
      .replace(/\//g, "_")
      .replace(/=+$/, "");
    for (const forged of [
      `${otherAccount}.${mac}`,
      `${body}.${mac.slice(0, -2)}AA`,
      "not-a-state",
      `${body}.${mac}.extra`,
    ]) {
      const response = await callback(withState(path, forged));
      expect(response.status, forged).toBe(400);
      expect(await errorCode(response), forged).toBe("invalid_state");
    }
    expect(await tenantOf(account.subdomain)).toBeNull();
    // Zendesk was never asked to exchange the code.
    expect((await received(account)).filter((r) => r.path === "/oauth/tokens")).toEqual([]);
  });

  it("refuses an expired state", async () => {
    const account = await newAccount();
    const path = await consent(await authorizeUrl(account));
    const expired = await signState(env.SECRETS_KEY, {
      v: 1,
      subdomain: account.subdomain,
      installationId: account.installationId,
      intent: "connect",
      nonce: "n".repeat(32),
      exp: Date.now() - 1000,
    });
    const response = await callback(withState(path, expired));
    expect(response.status).toBe(400);
    expect(await errorCode(response)).toBe("state_expired");
    expect(await tenantOf(account.subdomain)).toBeNull();
  });

  it("refuses a state signed by the Worker but never issued (its nonce was not stored)", async () => {
    const account = await newAccount();
    const path = await consent(await authorizeUrl(account));
    const unissued = await signState(env.SECRETS_KEY, {
      v: 1,
      subdomain: account.subdomain,
      installationId: account.installationId,
      intent: "connect",
      nonce: "u".repeat(32),
      exp: Date.now() + 60_000,
    });
    const response = await callback(withState(path, unissued));
    expect(response.status).toBe(400);
    expect(await errorCode(response)).toBe("state_used");
  });

  it("is used once: the same callback again is refused and changes nothing", async () => {
    const account = await newAccount();
    const path = await consent(await authorizeUrl(account));
    expect((await callback(path)).status).toBe(200);
    const tenant = await tenantOf(account.subdomain);
    const again = await callback(path);
    expect(again.status).toBe(400);
    expect(await errorCode(again)).toBe("state_used");
    expect(await tenantOf(account.subdomain)).toEqual(tenant);
  });

  it("binds the account: a code approved in another account is refused, storing nothing", async () => {
    const ours = await newAccount();
    const theirs = await newAccount();
    const ourPath = await consent(await authorizeUrl(ours));
    const theirPath = await consent(await authorizeUrl(theirs));
    // Our state with their code: the exchange goes to our account, which never issued it.
    const theirCode = new URL(theirPath, "https://x").searchParams.get("code")!;
    const url = new URL(ourPath, "https://continuity.test");
    url.searchParams.set("code", theirCode);
    const response = await callback(`${url.pathname}${url.search}`);
    expect(response.status).toBe(400);
    expect(await errorCode(response)).toBe("code_rejected");
    expect(await tenantOf(ours.subdomain)).toBeNull();
    expect(await tenantOf(theirs.subdomain)).toBeNull();
  });

  it("answers a declined consent with 403, storing nothing", async () => {
    const account = await newAccount();
    const response = await callback(await consent(await authorizeUrl(account), "deny"));
    expect(response.status).toBe(403);
    expect(await errorCode(response)).toBe("consent_declined");
    expect(await tenantOf(account.subdomain)).toBeNull();
  });
});
