import { beforeEach, describe, expect, it } from "vitest";
import { channelEvent } from "./support/factories";
import { createTenant, sendChannelEvent, settle, ticketContext } from "./support/tenant";
import { call, migrate } from "./support/worker";

beforeEach(migrate);

type Page = {
  events: { offset: number; event: { type: string } }[];
  nextAfter: number;
  head: number;
};

describe("GET /v1/threads/{id}/events", () => {
  it("replays the log from any offset, in offset order, page by page", async () => {
    const tenant = await createTenant();
    for (let i = 0; i < 3; i++) {
      await sendChannelEvent(
        tenant,
        channelEvent({
          sessionId: "WC-LOG",
          ticketId: "77",
          occurredAt: `2026-03-01T09:0${i}:00Z`,
          message: { author: "customer", text: `m${i}` },
        }),
      );
      await settle(tenant);
    }
    const { thread, offset } = (await (await ticketContext(tenant, "77")).json()) as {
      thread: { id: string };
      offset: number;
    };
    const read = async (query: string) =>
      (await (
        await call(`/v1/threads/${thread.id}/events${query}`, {
          headers: { authorization: `Bearer ${tenant.appSecret}` },
        })
      ).json()) as Page;

    const all = await read("");
    expect(all.head).toBe(offset);
    expect(all.events.map((e) => e.offset)).toEqual(
      Array.from({ length: offset }, (_, i) => i + 1),
    );
    expect(all.events[0]?.event.type).toBe("contact.joined");

    const tail = await read(`?after=${offset - 2}`);
    expect(tail.events.map((e) => e.offset)).toEqual([offset - 1, offset]);

    const first = await read("?limit=2");
    const rest = await read(`?after=${first.nextAfter}`);
    expect([...first.events, ...rest.events].map((e) => e.offset)).toEqual(
      all.events.map((e) => e.offset),
    );

    const caughtUp = await read(`?after=${offset}`);
    expect(caughtUp).toMatchObject({ events: [], nextAfter: offset, head: offset });
  });

  it("rejects a negative offset and an unknown thread", async () => {
    const tenant = await createTenant();
    const auth = { headers: { authorization: `Bearer ${tenant.appSecret}` } };
    expect((await call("/v1/threads/THR-AAAAAAAA/events?after=-1", auth)).status).toBe(422);
    expect((await call("/v1/threads/THR-AAAAAAAA/events", auth)).status).toBe(404);
  });
});
