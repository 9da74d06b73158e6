import { beforeEach, describe, expect, it } from "vitest";
import { accountState, connected, newAccount, received, roundTrip } from "./support/oauth";
import { control, migrate } from "./support/worker";

beforeEach(migrate);

const count = async (subdomain: string, method: string, path: RegExp, status?: number) =>
  (await received(subdomain)).filter(
    (r) =>
      r.method === method && path.test(r.path) && (status === undefined || r.status === status),
  ).length;

describe("a provisioning step that fails", () => {
  it("is resumed by the next Connect: a webhook whose create answer was lost is found, not made twice", async () => {
    const account = await newAccount();
    // Zendesk makes the webhook, then the answer is lost (a 500 after applying).
    await control("zendesk", account.subdomain, "fail", {
      status: 500,
      times: 1,
      methods: ["POST"],
      path: "^/api/v2/webhooks$",
      afterApplying: true,
    });
    const failed = await roundTrip(account);
    expect(failed.status).toBe(503);
    const body = (await failed.json()) as {
      error: { code: string; message: string; issues: { path: string; message: string }[] };
    };
    expect(body.error.code).toBe("provisioning_incomplete");
    expect(body.error.issues[0]).toEqual({ path: "webhook", message: "failed" });
    expect(body.error.message).toContain("connect again to resume");

    const resumed = await connected(account);
    expect(resumed.steps).toEqual([
      { step: "tenant", outcome: "found" },
      { step: "credentials", outcome: "done" },
      { step: "webhook", outcome: "found" },
      { step: "signing_secret", outcome: "done" },
      { step: "app_secret", outcome: "done" },
      { step: "ticket_fields", outcome: "found" },
    ]);
    const state = await accountState(account);
    expect(state.webhooks).toHaveLength(1);
    expect(state.webhooks[0]!.id).toBe(resumed.webhook.id);
    expect(await count(account.subdomain, "POST", /^\/api\/v2\/webhooks$/)).toBe(1);
  });

  it("resumes at the installation's setting without making or reading the webhook again", async () => {
    const account = await newAccount();
    await control("zendesk", account.subdomain, "fail", {
      status: 500,
      times: 1,
      methods: ["PUT"],
      path: "^/api/v2/apps/installations/",
    });
    const failed = await roundTrip(account);
    expect(failed.status).toBe(503);
    expect(
      ((await failed.json()) as { error: { issues: { path: string }[] } }).error.issues[0]!.path,
    ).toBe("app_secret");
    expect(
      (await accountState(account)).installations[account.installationId]!.settings.appSecret,
    ).toBeUndefined();

    const resumed = await connected(account);
    expect(resumed.steps.slice(2)).toEqual([
      { step: "webhook", outcome: "kept" },
      { step: "signing_secret", outcome: "kept" },
      { step: "app_secret", outcome: "done" },
      { step: "ticket_fields", outcome: "found" },
    ]);
    expect(await count(account.subdomain, "POST", /^\/api\/v2\/webhooks$/)).toBe(1);
    expect(await count(account.subdomain, "GET", /\/signing_secret$/)).toBe(1);
    expect(await count(account.subdomain, "PUT", /^\/api\/v2\/apps\/installations\//, 200)).toBe(1);
    expect(
      (await accountState(account)).installations[account.installationId]!.settings.appSecret,
    ).toMatch(/^cs_/);
  });

  it("answers 502 when Zendesk refuses a step, saying which", async () => {
    const account = await newAccount();
    await control("zendesk", account.subdomain, "fail", {
      status: 403,
      times: 1,
      methods: ["GET"],
      path: "/signing_secret$",
    });
    const failed = await roundTrip(account);
    expect(failed.status).toBe(502);
    const body = (await failed.json()) as { error: { code: string; issues: { path: string }[] } };
    expect(body.error.issues[0]!.path).toBe("signing_secret");
    const resumed = await connected(account);
    expect(resumed.steps.slice(2, 4)).toEqual([
      { step: "webhook", outcome: "kept" },
      { step: "signing_secret", outcome: "done" },
    ]);
    expect((await accountState(account)).webhooks).toHaveLength(1);
  });
});
