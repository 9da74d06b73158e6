import { env } from "cloudflare:test";
import { beforeEach, describe, expect, it } from "vitest";
import { connected, newAccount, start } from "./support/oauth";
import { migrate } from "./support/worker";

beforeEach(migrate);

const statesOf = async (subdomain: string, intent: string) =>
  (await env.DB.prepare(
    "SELECT COUNT(*) AS n FROM oauth_states WHERE subdomain = ?1 AND intent = ?2",
  )
    .bind(subdomain, intent)
    .first<{ n: number }>())!.n;

describe("starting OAuth round trips", () => {
  it("allows an account 10 starts per intent in 10 minutes, then answers 429 with Retry-After", async () => {
    const account = await newAccount();
    await connected(account);
    // Connect's own start was the first; nine more are fine.
    for (let i = 0; i < 9; i++) expect((await start(account)).status).toBe(302);
    expect(await statesOf(account.subdomain, "connect")).toBe(10);

    const refused = await start(account, "connect", { accept: "application/json" });
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(500);
    expect(retryAfter).toBeLessThanOrEqual(600);
    const body = (await refused.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("too_many_starts");
    expect(body.error.message).toContain(account.subdomain);
    // Nothing stored for the refused start.
    expect(await statesOf(account.subdomain, "connect")).toBe(10);

    // The installed app's sign-in has its own budget; other accounts are untouched.
    expect((await start(account, "admin_session")).status).toBe(302);
    expect((await start(await newAccount())).status).toBe(302);
  });

  it("limits the admin sign-in the same way", async () => {
    const account = await newAccount();
    await connected(account);
    for (let i = 0; i < 10; i++) expect((await start(account, "admin_session")).status).toBe(302);
    const refused = await start(account, "admin_session");
    expect(refused.status).toBe(429);
    expect(refused.headers.get("retry-after")).toMatch(/^\d+$/);
    expect(await statesOf(account.subdomain, "admin_session")).toBe(10);
  });

  it("lets racing starts through up to the limit and no further", async () => {
    const account = await newAccount();
    const answers = await Promise.all(Array.from({ length: 14 }, () => start(account)));
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 302)).toHaveLength(10);
    expect(statuses.filter((s) => s === 429)).toHaveLength(4);
    expect(await statesOf(account.subdomain, "connect")).toBe(10);
  });
});
