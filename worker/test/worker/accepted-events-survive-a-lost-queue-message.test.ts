import { env } from "cloudflare:test";
import { beforeEach, describe, expect, it } from "vitest";
import { fromGenericEvent } from "../../src/integrations/generic/map";
import { GenericChannelEventSchema } from "../../src/contracts/channel-event";
import type { ChannelEvent } from "../../src/domain/channel-event";
import { MAX_REQUEUES, sealEvent } from "../../src/ingest/delivery-copy";
import { sweep } from "../../src/scheduled";
import { claimDeliveries, releaseDeliveries } from "../../src/store/deliveries";
import { channelEvent, customer, order } from "./support/factories";
import { createTenant, sendChannelEvent, settle, type TestTenant } from "./support/tenant";
import { call, migrate, OPERATOR } from "./support/worker";

beforeEach(migrate);

const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000).toISOString();

/**
 * What a process that died right after answering 2xx leaves behind: the claim with its sealed
 * copy, and no queue message. `leaseEnded` says whether its lease has already run out.
 */
async function claimThenDie(
  tenant: TestTenant,
  body: unknown,
  leaseEnded: boolean,
): Promise<ChannelEvent> {
  const event = fromGenericEvent(GenericChannelEventSchema.parse(body));
  const sealedEvent = await sealEvent(env, tenant.tenantId, event);
  const fresh = await claimDeliveries(env.DB, tenant.tenantId, [{ event, sealedEvent }], {
    now: minutesAgo(10),
    until: leaseEnded ? minutesAgo(1) : new Date(Date.now() + 600_000).toISOString(),
  });
  expect(fresh).toHaveLength(1);
  return event;
}

async function delivery(tenant: TestTenant, event: ChannelEvent) {
  return env.DB.prepare(
    `SELECT status, sealed_event, requeues FROM inbound_deliveries WHERE tenant_id = ?1 AND source = ?2 AND event_id = ?3`,
  )
    .bind(tenant.tenantId, event.source, event.eventId)
    .first<{ status: string; sealed_event: string | null; requeues: number }>();
}

/** How many times the event's customer message was recorded, on any thread. */
async function timesRecorded(tenant: TestTenant, event: ChannelEvent): Promise<number> {
  const row = await env.DB.prepare(
    `SELECT COUNT(*) AS n FROM thread_events WHERE tenant_id = ?1 AND type = 'message.received' AND data LIKE ?2`,
  )
    .bind(tenant.tenantId, `%${event.message!.text}%`)
    .first<{ n: number }>();
  return row!.n;
}

const chat = (ticketId: string, text = `where is order #18422 (ticket ${ticketId})`) =>
  channelEvent({
    ticketId,
    identifiers: [{ type: "email", value: "maya.ortiz@example.com" }],
    message: { author: "customer", text },
  });

const seed = () => createTenant({ orders: { customers: [customer()], orders: [order()] } });

describe("an event answered 2xx whose queue message was lost", () => {
  it("is kept sealed with its claim from the moment it is accepted", async () => {
    const tenant = await seed();
    const body = chat("701");
    const answer = await sendChannelEvent(tenant, body);
    expect(answer.status).toBe(202);
    const event = fromGenericEvent(GenericChannelEventSchema.parse(body));
    await settle(tenant);
    // Settled, the copy is dropped: only what is still owed is kept.
    expect(await delivery(tenant, event)).toMatchObject({ status: "done", sealed_event: null });
  });

  it("is still a duplicate when redelivered within its lease", async () => {
    const tenant = await seed();
    const body = chat("702");
    await claimThenDie(tenant, body, false);
    const answer = await sendChannelEvent(tenant, body);
    expect(answer.status).toBe(200);
    expect(await answer.json()).toMatchObject({ accepted: 0, duplicates: 1 });
  });

  it("is queued again by the sender's redelivery once its lease has run out, and recorded once", async () => {
    const tenant = await seed();
    const body = chat("703");
    const event = await claimThenDie(tenant, body, true);
    const answer = await sendChannelEvent(tenant, body);
    expect(answer.status).toBe(202);
    expect(await answer.json()).toMatchObject({ accepted: 1, duplicates: 0 });
    await settle(tenant);
    expect(await delivery(tenant, event)).toMatchObject({ status: "done" });
    expect(await timesRecorded(tenant, event)).toBe(1);
    // Now settled, a further redelivery is a plain duplicate.
    expect((await sendChannelEvent(tenant, body)).status).toBe(200);
    await settle(tenant);
    expect(await timesRecorded(tenant, event)).toBe(1);
  });

  it("is queued again by the cron sweep from its sealed copy, and recorded once", async () => {
    const tenant = await seed();
    const events = [
      await claimThenDie(tenant, chat("704"), true),
      await claimThenDie(tenant, chat("705"), true),
      await claimThenDie(tenant, chat("706"), false),
    ];
    const swept = await sweep(env, new Date());
    expect(swept.deliveries).toBe(2);
    // A second sweep right after finds the fresh leases and queues nothing twice.
    expect((await sweep(env, new Date())).deliveries).toBe(0);
    const deadline = Date.now() + 10_000;
    // The two swept events are consumed in one batch; under load either may finish first.
    const settled = async () =>
      (await delivery(tenant, events[0]!))?.status === "done" &&
      (await delivery(tenant, events[1]!))?.status === "done";
    while (!(await settled()) && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 25));
    expect(await delivery(tenant, events[0]!)).toMatchObject({ status: "done" });
    expect(await delivery(tenant, events[1]!)).toMatchObject({ status: "done" });
    expect(await delivery(tenant, events[2]!)).toMatchObject({ status: "queued" });
    expect(await timesRecorded(tenant, events[0]!)).toBe(1);
    expect(await timesRecorded(tenant, events[1]!)).toBe(1);
  });

  it("keeps its copy when a redelivery takes it over and the queue then refuses", async () => {
    const tenant = await seed();
    const body = chat("709");
    const event = await claimThenDie(tenant, body, true);
    const sealedEvent = await sealEvent(env, tenant.tenantId, event);
    const now = new Date().toISOString();
    const until = new Date(Date.now() + 600_000).toISOString();
    expect(
      await claimDeliveries(env.DB, tenant.tenantId, [{ event, sealedEvent }], { now, until }),
    ).toHaveLength(1);
    // What acceptEvents does when the queue refuses: the sender is told 503 and may never retry.
    await releaseDeliveries(env.DB, tenant.tenantId, [event]);
    expect(await delivery(tenant, event)).toMatchObject({ status: "queued" });
    expect((await delivery(tenant, event))!.sealed_event).toBeTruthy();
  });

  it("is replayed by the operator's delivery replay", async () => {
    const tenant = await seed();
    const event = await claimThenDie(tenant, chat("707"), true);
    const answer = await call(`/v1/admin/tenants/${tenant.tenantId}/deliveries/replay`, {
      method: "POST",
      headers: OPERATOR,
    });
    expect(answer.status).toBe(202);
    expect(await answer.json()).toEqual({ replayed: 1 });
    await settle(tenant);
    expect(await delivery(tenant, event)).toMatchObject({ status: "done" });
    expect(await timesRecorded(tenant, event)).toBe(1);
  });

  it("that never settles is set aside for an operator after a bounded number of re-queues", async () => {
    const tenant = await seed();
    const event = await claimThenDie(tenant, chat("708"), true);
    await env.DB.prepare(
      `UPDATE inbound_deliveries SET requeues = ?3 WHERE tenant_id = ?1 AND event_id = ?2`,
    )
      .bind(tenant.tenantId, event.eventId, MAX_REQUEUES)
      .run();
    expect((await sweep(env, new Date())).deliveries).toBe(0);
    const row = await delivery(tenant, event);
    expect(row).toMatchObject({ status: "failed" });
    expect(row!.sealed_event).toBeTruthy();
  });
});
