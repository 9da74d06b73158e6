import { createScheduledController, env } from "cloudflare:test";
import { beforeEach, describe, expect, it } from "vitest";
import worker from "../../src/index";
import { chatQuestion } from "./support/help-center";
import { createTenant, sendChannelEvent, settle, type TestTenant } from "./support/tenant";
import { call, migrate } from "./support/worker";

beforeEach(migrate);

const DAY = 86_400_000;

interface Report {
  rows: { noneFound: number }[];
  unanswered: { at: string; category: string; language: string; question: string }[];
}

async function knowledgeToday(tenant: TestTenant): Promise<{ raw: string; report: Report }> {
  const today = new Date().toISOString().slice(0, 10);
  const response = await call(`/v1/metrics/knowledge?from=${today}&to=${today}`, {
    headers: { authorization: `Bearer ${tenant.appSecret}` },
  });
  expect(response.status).toBe(200);
  const raw = await response.text();
  return { raw, report: JSON.parse(raw) as Report };
}

async function auditText(tenant: TestTenant): Promise<string> {
  const { results } = await env.DB.prepare(`SELECT data FROM audit_log WHERE tenant_id = ?1`)
    .bind(tenant.tenantId)
    .all<{ data: string }>();
  return results.map((r) => r.data).join("\n");
}

describe("questions no article answered, on the metrics page", () => {
  it("are listed newest first with who asked masked, for their tenant only, and only as long as messages are kept", async () => {
    // The stand-in's demo Help Center, which has nothing on gift cards.
    const tenant = await createTenant({
      settings: { retention: { messagesDays: 30, auditDays: 150 } },
    });
    const other = await createTenant();
    await sendChannelEvent(
      tenant,
      chatQuestion("Hi, this is Rosa Diaz, rosa.diaz@example.com. Do you sell gift cards?", "7901"),
    );
    await settle(tenant);
    await sendChannelEvent(tenant, chatQuestion("What's your return policy?", "7902"));
    await settle(tenant);
    await sendChannelEvent(tenant, chatQuestion("¿Venden tarjetas de regalo?", "7903"));
    await settle(tenant);

    const { raw, report } = await knowledgeToday(tenant);
    expect(
      report.unanswered.map(({ language, category, question }) => [language, category, question]),
    ).toEqual([
      ["es", "unclassified", "¿Venden tarjetas de regalo?"],
      ["en", "unclassified", "Hi, this is Rosa …, r***@example.com. Do you sell gift cards?"],
    ]);
    // Nothing raw is served, nor stored where the list is read from.
    for (const text of [raw, await auditText(tenant)]) {
      expect(text).not.toContain("rosa.diaz@");
      expect(text).not.toContain("Diaz");
    }
    expect((await knowledgeToday(other)).report.unanswered).toEqual([]);

    // Past the messages window the words go; the decision and its count stay for the audit window.
    await worker.scheduled(
      createScheduledController({ scheduledTime: Date.now() + 31 * DAY, cron: "* * * * *" }),
      env,
    );
    const after = await knowledgeToday(tenant);
    expect(after.report.unanswered).toEqual([]);
    expect(after.report.rows.reduce((n, r) => n + r.noneFound, 0)).toBe(2);
    expect(await auditText(tenant)).not.toContain("gift cards");
  });
});
