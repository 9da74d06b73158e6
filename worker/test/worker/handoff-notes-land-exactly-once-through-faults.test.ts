import { env } from "cloudflare:test";
import { beforeEach, describe, expect, it } from "vitest";
import { deliverOnce, settleAttempt } from "../../src/delivery/deliver";
import { zendeskTicketEvent } from "./support/factories";
import {
  GUS,
  noteKeysOn,
  outboxStatus,
  pendingNote,
  tenantWithEmailCustomer,
  zendeskRequests,
} from "./support/notes";
import { sendZendeskEvent, settle, type TestTenant } from "./support/tenant";
import { control, migrate } from "./support/worker";

beforeEach(migrate);

/** A chargeback on a ticket: the agent stops and hands off, which owes the ticket a note. */
function chargeback(tenant: TestTenant, ticketId: string, eventId = `zd-cb-${ticketId}`) {
  return sendZendeskEvent(
    tenant,
    zendeskTicketEvent(
      "created",
      {
        id: ticketId,
        requester_id: "9501",
        subject: "Chargeback",
        description: "I disputed the charge for order W3300 with my bank.",
      },
      { id: eventId, time: "2026-03-10T10:00:00Z" },
    ),
  );
}

/** Drive one note until nothing is pending, the way the queue would, without its delays. */
async function driveToQuiescence(tenant: TestTenant, id: string, fetcher?: typeof fetch) {
  for (let i = 0; i < 20; i++) {
    const result = await deliverOnce(env, tenant.tenantId, id, fetcher ? { fetcher } : {});
    await settleAttempt(env, tenant.tenantId, id, result);
    if ((await outboxStatus(tenant.tenantId, id))?.status !== "pending") return;
  }
  throw new Error("note still pending after 20 attempts");
}

describe("a handoff note on its way to Zendesk", () => {
  it("waits out 429 Retry-After, a 500 and a timeout that Zendesk applied, and lands once", async () => {
    const tenant = await tenantWithEmailCustomer(GUS, "601");
    await control("zendesk", tenant.space, "fail", {
      status: 429,
      times: 1,
      retryAfter: 1,
      methods: ["PUT"],
    });
    await control("zendesk", tenant.space, "fail", { status: 500, times: 1, methods: ["PUT"] });
    // Held past OUTBOUND_TIMEOUT_MS after Zendesk stored the note: we never hear it succeeded.
    await control("zendesk", tenant.space, "fail", {
      status: 504,
      times: 1,
      delayMs: 1200,
      afterApplying: true,
      methods: ["PUT"],
    });
    await chargeback(tenant, "601");
    await settle(tenant, 30_000);

    const keys = await noteKeysOn(tenant, "601");
    expect(keys).toHaveLength(1);
    const row = await outboxStatus(tenant.tenantId, `note:${keys[0]}`);
    expect(row).toMatchObject({ status: "sent" });
    expect(row!.attempts).toBe(4);

    // After the 429 nothing was written to the ticket until Retry-After had passed.
    const requests = await zendeskRequests(tenant);
    const limited = requests.findIndex((r) => r.status === 429);
    const after = requests.slice(limited + 1).find((r) => r.path.includes("/tickets/601"));
    expect(Date.parse(after!.at) - Date.parse(requests[limited]!.at)).toBeGreaterThanOrEqual(900);
  }, 40_000);

  it("is found, not written again, after a crash between Zendesk's accept and marking it sent", async () => {
    const tenant = await tenantWithEmailCustomer(GUS, "602");
    const note = await pendingNote(tenant, "602");
    // This invocation's write reaches Zendesk, then the Worker dies: nothing after the PUT runs.
    let crashed = false;
    const dying: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      if (init?.method === "PUT") {
        crashed = true;
        return new Promise<Response>(() => undefined);
      }
      return response;
    };
    void deliverOnce(env, tenant.tenantId, note.id, { fetcher: dying });
    for (let i = 0; i < 100 && !crashed; i++) await new Promise((r) => setTimeout(r, 20));
    expect(crashed).toBe(true);
    expect(await outboxStatus(tenant.tenantId, note.id)).toMatchObject({ status: "pending" });

    // The dead invocation's lease still stands; the next one waits for it to lapse.
    expect(await deliverOnce(env, tenant.tenantId, note.id)).toMatchObject({ kind: "busy" });
    const later = () => new Date(Date.now() + 61_000);
    const result = await deliverOnce(env, tenant.tenantId, note.id, { now: later });
    expect(result).toEqual({ kind: "already_sent" });
    expect(await noteKeysOn(tenant, "602")).toEqual([note.key]);
    expect(await outboxStatus(tenant.tenantId, note.id)).toMatchObject({ status: "sent" });
  });

  it("is one note however often and in whatever order Zendesk delivers the event", async () => {
    const tenant = await tenantWithEmailCustomer(GUS, "603");
    const first = await chargeback(tenant, "603", "zd-cb-603");
    expect(first.status).toBe(202);
    await Promise.all([1, 2, 3].map(() => chargeback(tenant, "603", "zd-cb-603")));
    // A later status change delivered before an older one: the note is written once still.
    await sendZendeskEvent(
      tenant,
      zendeskTicketEvent(
        "status_changed",
        { id: "603", requester_id: "9501", status: "OPEN" },
        { time: "2026-03-10T10:05:00Z" },
      ),
    );
    await settle(tenant, 20_000);
    expect(await noteKeysOn(tenant, "603")).toHaveLength(1);
    const rows = await env.DB.prepare(
      "SELECT COUNT(*) AS n FROM outbox WHERE tenant_id = ?1 AND kind = 'zendesk_note'",
    )
      .bind(tenant.tenantId)
      .first<{ n: number }>();
    expect(rows!.n).toBe(1);
  });

  it("is written once when two invocations race on one ticket, coalescing what is pending", async () => {
    const tenant = await tenantWithEmailCustomer(GUS, "604");
    const older = await pendingNote(tenant, "604", 1);
    const newer = await pendingNote(tenant, "604", 2);
    const results = await Promise.all([
      deliverOnce(env, tenant.tenantId, older.id),
      deliverOnce(env, tenant.tenantId, newer.id),
      deliverOnce(env, tenant.tenantId, newer.id),
    ]);
    for (const [i, id] of [older.id, newer.id, newer.id].entries())
      await settleAttempt(env, tenant.tenantId, id, results[i]!);
    await driveToQuiescence(tenant, older.id);
    await driveToQuiescence(tenant, newer.id);

    expect(await noteKeysOn(tenant, "604")).toEqual([newer.key]);
    expect(await outboxStatus(tenant.tenantId, newer.id)).toMatchObject({ status: "sent" });
    expect(await outboxStatus(tenant.tenantId, older.id)).toMatchObject({
      status: "superseded",
    });
    const puts = (await zendeskRequests(tenant)).filter((r) => r.method === "PUT");
    expect(puts).toHaveLength(1);
  });
});
