import { env } from "cloudflare:test";
import { beforeEach, describe, expect, it } from "vitest";
import {
  channelEvent,
  customer,
  order,
  zendeskTicketEvent,
  zendeskUser,
} from "./support/factories";
import {
  createTenant,
  sendChannelEvent,
  sendZendeskEvent,
  settle,
  ticketContext,
  type TestTenant,
} from "./support/tenant";
import { call, migrate, OPERATOR, rowCounts } from "./support/worker";

beforeEach(migrate);

const maya = "maya.ortiz@example.com";

function erase(tenant: TestTenant, identifier: { type: string; value: string }) {
  return call(`/v1/admin/tenants/${tenant.tenantId}/erasures`, {
    method: "POST",
    headers: { ...OPERATOR, "content-type": "application/json" },
    body: JSON.stringify({ identifier }),
  });
}

/** Everything stored for the tenant, as text: nothing of the customer may be in it. */
async function everything(tenantId: string): Promise<string> {
  const tables = [
    "threads",
    "thread_events",
    "thread_links",
    "identities",
    "customers",
    "outbox",
    "inbound_deliveries",
    "audit_log",
    "identifier_threads",
  ];
  const dumps = await Promise.all(
    tables.map(async (t) =>
      JSON.stringify(
        (await env.DB.prepare(`SELECT * FROM ${t} WHERE tenant_id = ?1`).bind(tenantId).all())
          .results,
      ),
    ),
  );
  return dumps.join("\n");
}

describe("erasing a customer", () => {
  it("removes every trace found through any identifier, and a redelivered webhook brings nothing back", async () => {
    const tenant = await createTenant({
      orders: { customers: [customer()], orders: [order()] },
      zendesk: {
        users: [zendeskUser("9001", maya)],
        tickets: [{ id: "880", requester_id: "9001", via: "email" }],
      },
    });
    const chat = channelEvent({
      ticketId: "881",
      sessionId: "WC-881",
      identifiers: [{ type: "phone", value: "+14155550100" }],
      message: { author: "customer", text: "My order #18422 arrived damaged" },
    });
    const email = zendeskTicketEvent(
      "created",
      {
        id: "880",
        requester_id: "9001",
        subject: "Broken vase",
        description: "Order #18422 broke",
      },
      { id: "zd-erase-1" },
    );
    await sendChannelEvent(tenant, chat);
    await sendZendeskEvent(tenant, email);
    await settle(tenant, 20_000);
    expect((await ticketContext(tenant, "880")).status).toBe(200);
    const before = await rowCounts(tenant.tenantId);
    expect(before.threads).toBeGreaterThan(0);

    // Asked for by the phone number; the email's threads go too, being the same customer's.
    const answer = await erase(tenant, { type: "phone", value: "+1 415 555 0100" });
    expect(answer.status).toBe(200);
    const report = (await answer.json()) as {
      customers: number;
      threads: number;
      removed: Record<string, number>;
      remaining: { identities: number; threads: number };
      identifier: { masked: string };
    };
    expect(report).toMatchObject({ customers: 1, remaining: { identities: 0, threads: 0 } });
    expect(report.threads).toBe(before.threads);
    expect(report.removed.thread_events).toBe(before.thread_events);
    expect(report.identifier.masked).not.toContain("555 0100");

    const after = await rowCounts(tenant.tenantId);
    for (const table of [
      "threads",
      "thread_events",
      "thread_links",
      "identities",
      "customers",
      "outbox",
      "agent_runs",
      "inbound_deliveries",
    ])
      expect([table, after[table]]).toEqual([table, 0]);
    expect((await ticketContext(tenant, "880")).status).toBe(404);

    // The same webhooks again, and a new one about the same ticket: nothing is stored.
    expect((await sendChannelEvent(tenant, chat)).status).toBeLessThan(300);
    expect((await sendZendeskEvent(tenant, email)).status).toBeLessThan(300);
    await sendZendeskEvent(
      tenant,
      zendeskTicketEvent(
        "status_changed",
        { id: "880", requester_id: "9001", status: "OPEN" },
        { event: { current: "OPEN", previous: "NEW" } },
      ),
    );
    await settle(tenant, 20_000);
    const later = await rowCounts(tenant.tenantId);
    for (const table of [
      "threads",
      "thread_events",
      "thread_links",
      "identities",
      "customers",
      "inbound_deliveries",
    ])
      expect([table, later[table]]).toEqual([table, 0]);
    const stored = await everything(tenant.tenantId);
    for (const trace of [maya, "+14155550100", "damaged", "WC-881"])
      expect(stored).not.toContain(trace);
  }, 60_000);

  it("refuses an identifier several customers share, and a malformed one", async () => {
    const tenant = await createTenant({
      orders: {
        customers: [
          customer({ email: "family@example.com" }),
          customer({ id: "C-1002", email: "family@example.com", phones: [] }),
        ],
        orders: [order()],
      },
    });
    await sendChannelEvent(
      tenant,
      channelEvent({
        identifiers: [{ type: "email", value: "family@example.com" }],
        ticketId: "890",
      }),
    );
    await settle(tenant);
    expect((await erase(tenant, { type: "email", value: "family@example.com" })).status).toBe(409);
    expect((await erase(tenant, { type: "email", value: "not an email" })).status).toBe(422);
    expect((await rowCounts(tenant.tenantId)).threads).toBe(1);
  });
});
