import { env } from "cloudflare:test";
import { beforeEach, describe, expect, it } from "vitest";
import { contributionsOf } from "../../src/domain/metrics/contributions";
import type { ThreadState } from "../../src/domain/thread-state";
import { channelEvent, customer, order, zendeskTicketEvent } from "./support/factories";
import {
  createTenant,
  readContext,
  sendChannelEvent,
  sendZendeskEvent,
  settle,
  type TestTenant,
} from "./support/tenant";
import { call, migrate, OPERATOR } from "./support/worker";

beforeEach(migrate);

const people = Array.from({ length: 12 }, (_, i) => ({
  id: `C-${3000 + i}`,
  email: `person${i}@example.com`,
  ticket: String(700 + i),
}));

function settings(tenant: TestTenant, body: unknown) {
  return call(`/v1/admin/tenants/${tenant.tenantId}/settings`, {
    method: "PUT",
    headers: { ...OPERATOR, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
}

async function metrics(tenant: TestTenant, query = "") {
  const response = await call(`/v1/metrics?from=2026-02-01&to=2026-03-31${query}`, {
    headers: { authorization: `Bearer ${tenant.appSecret}` },
  });
  expect(response.status).toBe(200);
  return response;
}

interface Figure {
  id: string;
  value: number | null;
  n: number;
  arms: { continuity: { n: number } | null; control: { n: number } | null };
  comparison: { randomised: boolean; method: string; low: number | null } | null;
}

describe("a phased rollout", () => {
  it("needs its primary metric declared up front and keeps it while it runs", async () => {
    const tenant = await createTenant();
    expect((await settings(tenant, { rollout: { enabled: true } })).status).toBe(422);
    const started = await settings(tenant, {
      rollout: { enabled: true, primaryMetric: "fcr", continuityShare: 0.5, salt: "r1" },
    });
    expect(started.status).toBe(200);
    const moved = await settings(tenant, { rollout: { primaryMetric: "csat" } });
    expect(moved.status).toBe(422);
    expect(await moved.json()).toMatchObject({
      error: { message: expect.stringContaining("cannot change while the rollout runs") },
    });
  });

  it("splits threads by a stable hash, keeps the control group agent-free, and compares arms from the rollups", async () => {
    const tenant = await createTenant({
      orders: {
        customers: people.map((p) => customer({ id: p.id, email: p.email, phones: [] })),
        orders: people.map((p, i) => order({ id: String(40000 + i), customerId: p.id })),
      },
      zendesk: {
        users: people.map((p, i) => ({
          id: String(9100 + i),
          name: p.id,
          identities: [{ type: "email", value: p.email, verified: true }],
        })),
        tickets: people.map((p, i) => ({
          id: p.ticket,
          requester_id: String(9100 + i),
          via: "web",
        })),
      },
    });
    await settings(tenant, {
      rollout: { enabled: true, primaryMetric: "fcr", continuityShare: 0.5, salt: "r1" },
    });
    for (const [i, p] of people.entries())
      await sendChannelEvent(
        tenant,
        channelEvent({
          ticketId: p.ticket,
          identifiers: [{ type: "email", value: p.email }],
          message: { author: "customer", text: `Where is order #${40000 + i}?` },
        }),
      );
    await settle(tenant, 20_000);
    for (const [i, p] of people.entries())
      if (i % 2 === 0)
        await sendZendeskEvent(
          tenant,
          zendeskTicketEvent(
            "status_changed",
            { id: p.ticket, requester_id: String(9100 + i), status: "SOLVED" },
            { time: "2026-03-01T12:00:00Z", event: { current: "SOLVED", previous: "NEW" } },
          ),
        );
    await settle(tenant, 20_000);

    const contexts = await Promise.all(people.map((p) => readContext(tenant, p.ticket)));
    const arms = contexts.map((c) => (c as unknown as { rollout: { arm: string } }).rollout.arm);
    expect(new Set(arms)).toEqual(new Set(["continuity", "control"]));
    contexts.forEach((c, i) => {
      if (arms[i] === "control") expect(c.agent.replies).toEqual([]);
      else expect(c.agent.replies.length).toBeGreaterThan(0);
    });

    const report = (await (await metrics(tenant)).json()) as {
      primaryMetric: string;
      metrics: Figure[];
    };
    expect(report.primaryMetric).toBe("fcr");
    const figure = (id: string) => report.metrics.find((m) => m.id === id)!;
    expect(figure("transfer_rate").n).toBe(people.length);
    expect(figure("fcr")).toMatchObject({ n: people.length / 2, value: 1 });
    const continuityThreads = arms.filter((a) => a === "continuity").length;
    expect(figure("transfer_rate").arms).toEqual({
      continuity: expect.objectContaining({ n: continuityThreads }),
      control: expect.objectContaining({ n: people.length - continuityThreads }),
    });
    expect(figure("transfer_rate").comparison).toMatchObject({
      randomised: true,
      method: "newcombe-wilson-hybrid-score",
    });

    // The rollups equal a recount of every thread's contributions.
    const { results } = await env.DB.prepare(`SELECT state FROM threads WHERE tenant_id = ?1`)
      .bind(tenant.tenantId)
      .all<{ state: string }>();
    const recount = new Map<string, { n: number; sum: number }>();
    for (const row of results)
      for (const c of contributionsOf(JSON.parse(row.state) as ThreadState)) {
        const t = recount.get(c.metric) ?? { n: 0, sum: 0 };
        recount.set(c.metric, { n: t.n + c.n, sum: t.sum + c.sum });
      }
    for (const m of report.metrics) {
      const t = recount.get(m.id) ?? { n: 0, sum: 0 };
      expect([m.id, m.n, m.value]).toEqual([m.id, t.n, t.n ? t.sum / t.n : null]);
    }

    const byArm = (await (await metrics(tenant, "&arm=control")).json()) as { metrics: Figure[] };
    expect(byArm.metrics.find((m) => m.id === "transfer_rate")!.n).toBe(
      people.length - continuityThreads,
    );
    const csv = await (await metrics(tenant, "&format=csv")).text();
    expect(csv.split("\n")[0]).toContain("metric,label,kind,value,n");
    expect(csv).toMatch(/\nfcr,First-contact resolution,proportion,1,6,/);
  });
});
