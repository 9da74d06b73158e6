import { env } from "cloudflare:test";
import { beforeEach, describe, expect, it } from "vitest";
import { fromGenericEvent } from "../../src/integrations/generic/map";
import { GenericChannelEventSchema } from "../../src/contracts/channel-event";
import type { Env } from "../../src/env";
import { processIngest } from "../../src/ingest/consume";
import { countUnsettled, listFailed } from "../../src/store/deliveries";
import { anyRecorded, findLinkedThreads, loadEvents } from "../../src/store/threads";
import { findTenant } from "../../src/store/tenants";
import { tenantForAppSecret } from "../../src/tenancy/tenants";
import { channelEvent, customer, order } from "./support/factories";
import { createTenant, sendChannelEvent, settle } from "./support/tenant";
import { migrate } from "./support/worker";

beforeEach(migrate);

/** A D1 binding that remembers every statement prepared through it. */
function recording(db: D1Database, seen: Set<string>): D1Database {
  return new Proxy(db, {
    get(target, property, receiver) {
      if (property === "prepare") return (sql: string) => (seen.add(sql), target.prepare(sql));
      const value = Reflect.get(target, property, receiver);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

describe("every query on the ingest and read paths", () => {
  it("seeks through an index by more than the tenant; none scans a table", async () => {
    const tenant = await createTenant({ orders: { customers: [customer()], orders: [order()] } });
    await sendChannelEvent(
      tenant,
      channelEvent({
        ticketId: "990",
        sessionId: "WC-PLAN",
        identifiers: [{ type: "email", value: "maya.ortiz@example.com" }],
        message: { author: "customer", text: "order #18422" },
      }),
    );
    await settle(tenant);

    const seen = new Set<string>();
    const db = recording(env.DB, seen);
    const traced = { ...env, DB: db } as Env;
    const follow = (text: string, extra: Record<string, unknown> = {}) =>
      fromGenericEvent(
        GenericChannelEventSchema.parse(
          channelEvent({
            identifiers: [{ type: "email", value: "maya.ortiz@example.com" }],
            message: { author: "customer", text },
            ...extra,
          }),
        ),
      );
    await processIngest(traced, {
      v: 1,
      tenantId: tenant.tenantId,
      event: follow("again about order #18422", { sessionId: "WC-PLAN" }),
    });
    await processIngest(traced, {
      v: 1,
      tenantId: tenant.tenantId,
      event: follow("new contact, order #18422", { ticketId: "991" }),
    });
    await findLinkedThreads(db, tenant.tenantId, [{ kind: "ticket", id: "990" }]);
    await loadEvents(db, tenant.tenantId, "THR-X", 0, 10);
    await anyRecorded(db, tenant.tenantId, "THR-X", ["a", "b"]);
    await countUnsettled(db, tenant.tenantId);
    await listFailed(db, tenant.tenantId);
    await findTenant(db, tenant.tenantId);
    await tenantForAppSecret(traced, "cs_unknown-secret-for-the-plan");

    const reads = [...seen].filter(
      (sql) => /^\s*(SELECT|UPDATE|DELETE)/i.test(sql) || /\(SELECT/i.test(sql),
    );
    expect(reads.length).toBeGreaterThan(8);
    for (const sql of reads) {
      const params = (sql.match(/\?(\d+)/g) ?? []).reduce(
        (n, p) => Math.max(n, Number(p.slice(1))),
        0,
      );
      const plan = await env.DB.prepare(`EXPLAIN QUERY PLAN ${sql}`)
        .bind(...Array.from({ length: params }, () => "x"))
        .all<{ detail: string }>();
      for (const { detail } of plan.results) {
        expect(detail, sql).not.toMatch(/^SCAN (?!CONSTANT)/);
        if (/^SEARCH (identities|thread_links|thread_events|threads|customers)/.test(detail)) {
          expect(detail, `${sql}\n→ ${detail}`).not.toMatch(/\(tenant_id=\?\)$/);
        }
      }
    }
  });
});
