import { env } from "cloudflare:test";
import { beforeEach, describe, expect, it } from "vitest";
import { processIngest } from "../../src/ingest/consume";
import { fromGenericEvent } from "../../src/channels/generic";
import { GenericChannelEventSchema } from "../../src/contracts/channel-event";
import { channelEvent, customer, order } from "./support/factories";
import { createTenant, sendChannelEvent, settle, ticketContext } from "./support/tenant";
import { migrate } from "./support/worker";

beforeEach(migrate);

describe("concurrent writers on one thread", () => {
  it("lose no event: every message lands once, offsets are gap-free", async () => {
    const tenant = await createTenant({ orders: { customers: [customer()], orders: [order()] } });
    await sendChannelEvent(
      tenant,
      channelEvent({
        sessionId: "WC-RACE",
        ticketId: "900",
        identifiers: [{ type: "email", value: "maya.ortiz@example.com" }],
        message: { author: "customer", text: "Order #18422" },
      }),
    );
    await settle(tenant);

    const messages = Array.from({ length: 24 }, (_, i) =>
      channelEvent({
        sessionId: "WC-RACE",
        occurredAt: new Date(Date.parse("2026-03-01T09:01:00Z") + i * 1000).toISOString(),
        message: { author: "customer", text: `message ${i}` },
      }),
    );
    // Sent at once: the queue consumer and the compare-and-set see them race.
    const answers = await Promise.all(messages.map((m) => sendChannelEvent(tenant, m)));
    expect(answers.every((a) => a.status === 202)).toBe(true);
    await settle(tenant, 30_000);

    const context = (await (await ticketContext(tenant, "900")).json()) as {
      thread: { id: string };
      timeline: { text: string }[];
      version: number;
    };
    for (let i = 0; i < 24; i++)
      expect(context.timeline.filter((e) => e.text === `Customer: message ${i}`)).toHaveLength(1);
    const { results } = await env.DB.prepare(
      "SELECT seq FROM thread_events WHERE thread_id = ? ORDER BY seq",
    )
      .bind(context.thread.id)
      .all<{ seq: number }>();
    expect(results.map((r) => r.seq)).toEqual(
      Array.from({ length: results.length }, (_, i) => i + 1),
    );
    expect(context.version).toBe(results.length);
  });

  it("resolve compare-and-set conflicts by re-reading: writers racing in one isolate all land", async () => {
    const tenant = await createTenant();
    await sendChannelEvent(
      tenant,
      channelEvent({
        sessionId: "WC-CAS",
        ticketId: "901",
        message: { author: "customer", text: "start" },
      }),
    );
    await settle(tenant);
    const events = Array.from({ length: 16 }, (_, i) =>
      fromGenericEvent(
        GenericChannelEventSchema.parse(
          channelEvent({
            sessionId: "WC-CAS",
            occurredAt: `2026-03-01T10:00:${String(i).padStart(2, "0")}Z`,
            message: { author: "customer", text: `racer ${i}` },
          }),
        ),
      ),
    );
    // Straight into the processing step, all at once: every writer reads the same version first.
    const outcomes = await Promise.all(
      events.map((event) => processIngest(env, { v: 1, tenantId: tenant.tenantId, event })),
    );
    expect(outcomes.every((o) => o.kind === "recorded")).toBe(true);
    const context = (await (await ticketContext(tenant, "901")).json()) as {
      timeline: { text: string }[];
      version: number;
    };
    for (let i = 0; i < 16; i++)
      expect(context.timeline.filter((e) => e.text === `Customer: racer ${i}`)).toHaveLength(1);
    const { results } = await env.DB.prepare(
      "SELECT COUNT(*) AS n, MAX(seq) AS top FROM thread_events t JOIN thread_links l ON l.thread_id = t.thread_id WHERE l.external_id = '901'",
    ).all<{ n: number; top: number }>();
    expect(results[0]?.n).toBe(results[0]?.top);
    expect(context.version).toBe(results[0]?.top);
  });
});
