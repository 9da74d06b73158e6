import { env } from "cloudflare:test";
import { beforeEach, describe, expect, it } from "vitest";
import { deliverOnce } from "../../src/delivery/deliver";
import { pendingNote } from "./support/notes";
import {
  accountState,
  connected,
  newAccount,
  received,
  roundTrip,
  type Account,
} from "./support/oauth";
import { call, control, migrate, OPERATOR } from "./support/worker";

beforeEach(migrate);

interface Requirement {
  identifier: string;
  requirement_type: string;
  requirement_id: number;
}

/** The ids the stand-in gave the resources installing the app made, by identifier. */
async function requirementIds(account: Account): Promise<Record<string, number>> {
  const state = (await accountState(account)) as unknown as {
    installations: Record<string, { requirements: Requirement[] }>;
  };
  return Object.fromEntries(
    state.installations[account.installationId]!.requirements.map((r) => [
      r.identifier,
      r.requirement_id,
    ]),
  );
}

async function customFieldsOf(tenantId: string): Promise<Record<string, number> | undefined> {
  const response = await call(`/v1/admin/tenants/${tenantId}/settings`, { headers: OPERATOR });
  const view = (await response.json()) as {
    settings: { zendesk: { customFields?: Record<string, number> } };
  };
  return view.settings.zendesk.customFields;
}

describe("Connect reads the installation's requirements", () => {
  it("keeps the two ticket fields' ids, and the next note fills them on its own update", async () => {
    const account = await newAccount(undefined, {
      tickets: [{ id: "801", requester_id: "9501", via: "email" }],
    });
    const ids = await requirementIds(account);
    expect(Object.keys(ids).sort()).toEqual(["continuity_identity_level", "continuity_thread_id"]);

    const answer = await connected(account);
    expect(answer.steps.at(-1)).toEqual({ step: "ticket_fields", outcome: "found" });
    const asked = (await received(account)).filter((r) =>
      r.path.startsWith(`/api/v2/apps/installations/${account.installationId}/requirements`),
    );
    expect(asked.map((r) => [r.method, r.status])).toEqual([["GET", 200]]);
    expect(await customFieldsOf(answer.tenantId)).toEqual({
      threadId: ids.continuity_thread_id,
      identityLevel: ids.continuity_identity_level,
    });

    // A handoff note for ticket 801, written through the outbox with the tenant Connect made.
    const tenant = { tenantId: answer.tenantId, space: account.subdomain };
    const note = await pendingNote(
      { ...tenant, appSecret: "", zendeskSecret: "", suncoSecret: "" },
      "801",
    );
    expect((await deliverOnce(env, answer.tenantId, note.id)).kind).toBe("sent");
    const writes = (await received(account)).filter(
      (r) => r.method === "PUT" && r.path === "/api/v2/tickets/801",
    );
    expect(writes).toHaveLength(1);
    const update = (writes[0]!.body as { ticket: Record<string, unknown> }).ticket;
    expect(update.comment).toMatchObject({ public: false });
    // The note's thread has no customer yet: its level is unknown.
    expect(update.custom_fields).toEqual([
      { id: ids.continuity_thread_id, value: "THR-FAULTS" },
      { id: ids.continuity_identity_level, value: "continuity_identity_unknown" },
    ]);
  });

  it("reads them again on the next Connect and keeps what it kept", async () => {
    const account = await newAccount();
    const first = await connected(account);
    const second = await connected(account);
    expect(second.steps.at(-1)).toEqual({ step: "ticket_fields", outcome: "kept" });
    expect(await customFieldsOf(second.tenantId)).toEqual(await customFieldsOf(first.tenantId));
  });

  it("takes the new ids after a reinstall, keeping the fields an operator mapped by hand", async () => {
    const account = await newAccount();
    const first = await connected(account);
    const mapped = await call(`/v1/admin/tenants/${first.tenantId}/settings`, {
      method: "PUT",
      headers: { ...OPERATOR, "content-type": "application/json" },
      body: JSON.stringify({
        zendesk: { customFields: { ...(await customFieldsOf(first.tenantId)), category: 555 } },
      }),
    });
    expect(mapped.status).toBe(200);

    // Uninstalled and installed again: a new installation, and Zendesk makes the fields anew.
    const reinstalled = { ...account, installationId: String(Number(account.installationId) + 1) };
    await control("zendesk", account.subdomain, "load", {
      installations: [{ id: reinstalled.installationId, settings: {} }],
    });
    const ids = await requirementIds(reinstalled);
    const second = await connected(reinstalled);
    expect(second.steps.at(-1)).toEqual({ step: "ticket_fields", outcome: "found" });
    expect(await customFieldsOf(second.tenantId)).toEqual({
      category: 555,
      threadId: ids.continuity_thread_id,
      identityLevel: ids.continuity_identity_level,
    });
  });

  it("resumes at them after Zendesk failed to answer, making nothing else again", async () => {
    const account = await newAccount();
    await control("zendesk", account.subdomain, "fail", {
      status: 503,
      times: 1,
      methods: ["GET"],
      path: "/requirements$",
    });
    const failed = await roundTrip(account);
    expect(failed.status).toBe(503);
    const body = (await failed.json()) as { error: { issues: { path: string }[] } };
    expect(body.error.issues[0]!.path).toBe("ticket_fields");

    const resumed = await connected(account);
    expect(resumed.steps.slice(2)).toEqual([
      { step: "webhook", outcome: "kept" },
      { step: "signing_secret", outcome: "kept" },
      { step: "app_secret", outcome: "kept" },
      { step: "ticket_fields", outcome: "found" },
    ]);
    const writes = (await received(account)).filter((r) => r.method !== "GET" && r.status < 300);
    expect(writes.filter((r) => r.path === "/api/v2/webhooks")).toHaveLength(1);
    expect(writes.filter((r) => r.path.startsWith("/api/v2/apps/installations/"))).toHaveLength(1);
  });

  it("connects without them when the installation made none, and stores no ids", async () => {
    const account = await newAccount();
    await control("zendesk", account.subdomain, "load", {
      installations: [{ id: account.installationId, settings: {}, requirements: [] }],
    });
    const answer = await connected(account);
    expect(answer.steps.at(-1)).toEqual({ step: "ticket_fields", outcome: "missing" });
    expect(await customFieldsOf(answer.tenantId)).toBeUndefined();
  });
});
