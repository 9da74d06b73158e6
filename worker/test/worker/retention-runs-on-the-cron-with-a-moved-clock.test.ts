import { createScheduledController, env } from "cloudflare:test";
import { beforeEach, describe, expect, it } from "vitest";
import worker from "../../src/index";
import { REMOVED } from "../../src/domain/retention";
import { channelEvent, customer, order } from "./support/factories";
import {
  createTenant,
  readContext,
  sendChannelEvent,
  settle,
  type TestTenant,
} from "./support/tenant";
import { call, countRows, migrate, OPERATOR } from "./support/worker";

beforeEach(migrate);

const DAY = 86_400_000;
const OPENED = Date.parse("2026-03-01T09:00:00Z");

/** The cron, as Cloudflare would fire it at that moment. */
async function cronAtTime(scheduledTime: number) {
  await worker.scheduled(createScheduledController({ scheduledTime, cron: "* * * * *" }), env);
}

/** Facts are judged by event time: the thread opened on OPENED. */
const cronAt = (daysAfterOpening: number) => cronAtTime(OPENED + daysAfterOpening * DAY);

async function eventData(tenant: TestTenant, type: string): Promise<string[]> {
  const { results } = await env.DB.prepare(
    `SELECT data FROM thread_events WHERE tenant_id = ?1 AND type = ?2`,
  )
    .bind(tenant.tenantId, type)
    .all<{ data: string }>();
  return results.map((r) => r.data);
}

async function metricsBody(tenant: TestTenant) {
  return (await call("/v1/metrics?from=2026-02-01&to=2026-03-31", {
    headers: { authorization: `Bearer ${tenant.appSecret}` },
  }).then((r) => r.json())) as { metrics: { id: string; n: number; value: number | null }[] };
}

describe("retention", () => {
  it("removes each class of data when its window ends, on the cron, and leaves the metrics alone", async () => {
    const tenant = await createTenant({
      orders: { customers: [customer()], orders: [order()] },
      settings: {
        retention: {
          messagesDays: 30,
          verificationDays: 60,
          artifactDays: 90,
          identifiersDays: 120,
          auditDays: 150,
        },
      },
    });
    await call(`/v1/admin/tenants/${tenant.tenantId}/settings`, { headers: OPERATOR });
    await sendChannelEvent(
      tenant,
      channelEvent({
        ticketId: "870",
        identifiers: [{ type: "email", value: "maya.ortiz@example.com" }],
        message: {
          author: "customer",
          text: "My order #18422 arrived broken, my address is 1 Main St",
        },
        artifacts: [{ kind: "photo", url: "https://files.example.com/broken.jpg" }],
        verification: { method: "otp", passedAt: "2026-03-01T09:00:00Z" },
      }),
    );
    await settle(tenant);
    const metricsBefore = await metricsBody(tenant);
    const auditBefore = await countRows("audit_log", tenant.tenantId);
    expect(auditBefore).toBeGreaterThan(0);

    await cronAt(29);
    expect((await eventData(tenant, "message.received"))[0]).toContain("arrived broken");

    await cronAt(31);
    expect((await eventData(tenant, "message.received"))[0]).toContain(REMOVED);
    const context = await readContext(tenant, "870");
    expect(JSON.stringify(context.timeline)).not.toContain("arrived broken");
    expect((await eventData(tenant, "verification.passed"))[0]).toContain('"method":"otp"');

    await cronAt(61);
    expect((await eventData(tenant, "verification.passed"))[0]).toContain('"method":"removed"');
    expect((await eventData(tenant, "artifact.added"))[0]).toContain("broken.jpg");

    await cronAt(91);
    expect((await eventData(tenant, "artifact.added"))[0]).not.toContain("broken.jpg");
    expect(await countRows("identities", tenant.tenantId)).toBeGreaterThan(0);

    await cronAt(121);
    expect(await countRows("identities", tenant.tenantId)).toBe(0);
    expect((await eventData(tenant, "identity.observed"))[0]).not.toContain("m***@example.com");

    // The audit trail records when the system did things: its window counts from now.
    await cronAtTime(Date.now() + 149 * DAY);
    expect(await countRows("audit_log", tenant.tenantId)).toBe(auditBefore);
    await cronAtTime(Date.now() + 151 * DAY);
    expect(await countRows("audit_log", tenant.tenantId)).toBe(0);

    // Retention removes content, not what happened: the figures stay as they were.
    expect(await metricsBody(tenant)).toEqual(metricsBefore);
  });
});
