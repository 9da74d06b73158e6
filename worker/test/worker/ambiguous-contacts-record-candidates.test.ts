import { beforeEach, describe, expect, it } from "vitest";
import { channelEvent, customer, order } from "./support/factories";
import { createTenant, sendChannelEvent, settle, ticketContext } from "./support/tenant";
import { migrate } from "./support/worker";

beforeEach(migrate);

type Ctx = {
  thread: { id: string };
  candidates: { threadId: string; reason: string }[];
  identity: { level: string };
};

describe("a contact that could belong to several threads", () => {
  it("starts its own thread and records the candidates instead of guessing", async () => {
    const tenant = await createTenant({
      orders: { customers: [customer()], orders: [order({ id: "W1001" }), order({ id: "W1002" })] },
    });
    const email = [{ type: "email", value: "maya.ortiz@example.com" }];
    await sendChannelEvent(
      tenant,
      channelEvent({
        ticketId: "151",
        identifiers: email,
        message: { author: "customer", text: "order W1001 is late" },
      }),
    );
    await sendChannelEvent(
      tenant,
      channelEvent({
        ticketId: "152",
        identifiers: email,
        occurredAt: "2026-03-01T09:30:00Z",
        message: { author: "customer", text: "order W1002 is broken" },
      }),
    );
    await settle(tenant);
    await sendChannelEvent(
      tenant,
      channelEvent({
        ticketId: "153",
        identifiers: email,
        occurredAt: "2026-03-01T12:00:00Z",
        message: { author: "customer", text: "any news on my order?" },
      }),
    );
    await settle(tenant);

    const [a, b, c] = (await Promise.all(
      ["151", "152", "153"].map(async (t) => (await ticketContext(tenant, t)).json()),
    )) as [Ctx, Ctx, Ctx];
    expect(new Set([a.thread.id, b.thread.id, c.thread.id]).size).toBe(3);
    expect(c.candidates.map((x) => x.threadId).sort()).toEqual([a.thread.id, b.thread.id].sort());
    expect(c.candidates.every((x) => x.reason === "open_thread")).toBe(true);
  });

  it("attaches to the only open thread when it names nothing, within the continuity window only", async () => {
    const tenant = await createTenant({
      orders: { customers: [customer()], orders: [order()] },
      settings: { policy: { continuityWindowDays: 3 } },
    });
    const phone = [{ type: "phone", value: "+14155550100" }];
    await sendChannelEvent(
      tenant,
      channelEvent({
        ticketId: "161",
        identifiers: [{ type: "email", value: "maya.ortiz@example.com" }],
        message: { author: "customer", text: "order #18422 broke" },
      }),
    );
    await settle(tenant);
    await sendChannelEvent(
      tenant,
      channelEvent({
        ticketId: "162",
        identifiers: phone,
        occurredAt: "2026-03-03T09:00:00Z",
        message: { author: "customer", text: "calling back" },
      }),
    );
    await sendChannelEvent(
      tenant,
      channelEvent({
        ticketId: "163",
        identifiers: phone,
        occurredAt: "2026-03-09T09:00:00Z",
        message: { author: "customer", text: "me again" },
      }),
    );
    await settle(tenant);
    const [first, inWindow, outside] = (await Promise.all(
      ["161", "162", "163"].map(async (t) => (await ticketContext(tenant, t)).json()),
    )) as [Ctx, Ctx, Ctx];
    expect(inWindow.thread.id).toBe(first.thread.id);
    expect(outside.thread.id).not.toBe(first.thread.id);
  });
});
