import { env } from "cloudflare:test";
import { beforeEach, describe, expect, it } from "vitest";
import { processIngest } from "../../src/ingest/consume";
import { gatherEvidence, identifiersOf } from "../../src/ingest/evidence";
import { recordContact } from "../../src/ingest/record-contact";
import { HttpOrderSystem } from "../../src/connectors/orders";
import { identityKey } from "../../src/security/keys";
import { standins } from "./support/worker";
import { fromGenericEvent } from "../../src/integrations/generic/map";
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

describe("two deliveries that introduce the same new contact at once", () => {
  it("both land: the second joins the contact the first created", async () => {
    const tenant = await createTenant();
    const first = fromGenericEvent(
      GenericChannelEventSchema.parse(
        channelEvent({
          sessionId: "WC-TWIN",
          message: { author: "customer", text: "first words" },
        }),
      ),
    );
    const second = fromGenericEvent(
      GenericChannelEventSchema.parse(
        channelEvent({
          sessionId: "WC-TWIN",
          occurredAt: "2026-03-01T09:00:05Z",
          message: { author: "customer", text: "second words" },
        }),
      ),
    );
    const outcomes = await Promise.all(
      [first, second].map((event) =>
        processIngest(env, { v: 1, tenantId: tenant.tenantId, event }),
      ),
    );
    expect(outcomes.map((o) => o.kind)).toEqual(["recorded", "recorded"]);
    const { sessionContext } = await import("./support/tenant");
    const context = (await (await sessionContext(tenant, "WC-TWIN")).json()) as {
      timeline: { text: string }[];
      contacts: unknown[];
    };
    expect(context.contacts).toHaveLength(1);
    expect(context.timeline.map((e) => e.text)).toEqual(
      expect.arrayContaining(["Customer: first words", "Customer: second words"]),
    );
  });
});

describe("two deliveries that bring the same new contact onto an existing thread at once", () => {
  it("keep both messages: the shared join fact is not mistaken for a replay", async () => {
    const tenant = await createTenant({ orders: { customers: [customer()], orders: [order()] } });
    const email = [{ type: "email", value: "maya.ortiz@example.com" }];
    await sendChannelEvent(
      tenant,
      channelEvent({
        ticketId: "950",
        identifiers: email,
        message: { author: "customer", text: "order #18422 broke" },
      }),
    );
    await settle(tenant);
    const twins = ["one", "two"].map((word, i) =>
      fromGenericEvent(
        GenericChannelEventSchema.parse(
          channelEvent({
            sessionId: "WC-JOIN",
            identifiers: email,
            occurredAt: `2026-03-01T11:00:0${i}Z`,
            message: { author: "customer", text: `order #18422 again, ${word}` },
          }),
        ),
      ),
    );
    // Same evidence for both, gathered first, so the two writes race from the same reads.
    const evidence = await gatherEvidence(
      identifiersOf(twins[0]!, [], { orderIds: ["18422"], emails: [], phones: [] }),
      {
        db: env.DB,
        tenantId: tenant.tenantId,
        hashKey: await identityKey(env.SECRETS_KEY, tenant.tenantId),
        orders: new HttpOrderSystem(
          `${standins().orders}/s/${tenant.space}`,
          `oms-${tenant.space}`,
        ),
      },
    );
    const policy = { continuityWindowDays: 14, verificationTtlHours: 24, autoReply: false };
    const outcomes = await Promise.all(
      twins.map((event) =>
        recordContact(env.DB, tenant.tenantId, event, evidence, policy, () =>
          new Date().toISOString(),
        ),
      ),
    );
    expect(outcomes.map((o) => o.kind)).toEqual(["recorded", "recorded"]);
    const context = (await (await ticketContext(tenant, "950")).json()) as {
      timeline: { text: string }[];
    };
    const texts = context.timeline.map((e) => e.text);
    expect(texts).toContain("Customer: order #18422 again, one");
    expect(texts).toContain("Customer: order #18422 again, two");
  });
});
