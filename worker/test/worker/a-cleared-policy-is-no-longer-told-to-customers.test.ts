import { beforeEach, describe, expect, it } from "vitest";
import { chatQuestion } from "./support/help-center";
import {
  createTenant,
  readContext,
  sendChannelEvent,
  settle,
  type TestTenant,
} from "./support/tenant";
import { call, migrate, OPERATOR } from "./support/worker";

beforeEach(migrate);

async function putPolicy(tenant: TestTenant, policy: Record<string, unknown>) {
  const response = await call(`/v1/admin/tenants/${tenant.tenantId}/settings`, {
    method: "PUT",
    headers: { ...OPERATOR, "content-type": "application/json" },
    body: JSON.stringify({ policy }),
  });
  return {
    status: response.status,
    body: (await response.json()) as {
      settings?: { policy?: Record<string, unknown> };
      error?: string;
      message?: string;
    },
  };
}

/** A question the stand-in's Help Center has no article for: the agent hands it to a person. */
async function handoffReply(tenant: TestTenant, ticketId: string): Promise<string> {
  await sendChannelEvent(tenant, chatQuestion("Do you sell gift cards?", ticketId));
  await settle(tenant);
  return (await readContext(tenant, ticketId)).agent.replies.at(-1)?.text ?? "";
}

describe("a store rule set, then cleared with null", () => {
  it("is told to customers while set, and no longer once cleared; the other rules stay", async () => {
    const tenant = await createTenant();
    const set = await putPolicy(tenant, {
      openingHours: "9am–5pm, Monday to Friday",
      warrantyMonths: 24,
    });
    expect(set.status).toBe(200);
    expect(await handoffReply(tenant, "7711")).toContain(
      "Our team answers 9am–5pm, Monday to Friday.",
    );

    const cleared = await putPolicy(tenant, { openingHours: null });
    expect(cleared.status).toBe(200);
    expect(cleared.body.settings?.policy).not.toHaveProperty("openingHours");
    expect(cleared.body.settings?.policy).toMatchObject({ warrantyMonths: 24 });

    const after = await handoffReply(tenant, "7712");
    expect(after).toContain("rather than guess");
    expect(after).not.toContain("Our team answers");
  });

  it("refuses null for a setting that has a default, naming the field, and changes nothing", async () => {
    const tenant = await createTenant();
    await putPolicy(tenant, { openingHours: "9am–5pm" });
    const refused = await putPolicy(tenant, { continuityWindowDays: null, openingHours: null });
    expect(refused.status).toBe(422);
    expect(JSON.stringify(refused.body)).toContain("continuityWindowDays");
    const read = await call(`/v1/admin/tenants/${tenant.tenantId}/settings`, {
      headers: OPERATOR,
    });
    const { settings } = (await read.json()) as { settings: { policy: Record<string, unknown> } };
    expect(settings.policy.openingHours).toBe("9am–5pm");
  });
});
