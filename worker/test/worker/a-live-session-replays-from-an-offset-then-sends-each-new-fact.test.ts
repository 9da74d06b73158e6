import { beforeEach, describe, expect, it } from "vitest";
import { channelEvent, customer, order } from "./support/factories";
import { attach, expectContiguous, sessionToken } from "./support/live-session";
import { createTenant, readContext, sendChannelEvent, settle } from "./support/tenant";
import { migrate } from "./support/worker";

beforeEach(migrate);

const said = (text: string, at: string) =>
  channelEvent({
    ticketId: "700",
    sessionId: "WC-700",
    occurredAt: at,
    identifiers: [{ type: "email", value: "maya.ortiz@example.com" }],
    message: { author: "customer", text },
  });

const saying = (text: string) => (m: { type: string; event?: { type: string; text?: unknown } }) =>
  m.type === "event" && m.event?.type === "message.received" && m.event.text === text;

describe("a thread's live session", () => {
  it("replays the log from an offset, sends each new fact, and resumes after a reconnect with no gap and no repeat", async () => {
    const tenant = await createTenant({ orders: { customers: [customer()], orders: [order()] } });
    await sendChannelEvent(
      tenant,
      said("My order #18422 arrived damaged.", "2026-03-01T09:00:00Z"),
    );
    await settle(tenant);
    const { thread, version } = await readContext(tenant, "700");

    // From the middle of the log: only what comes after the offset, in order.
    const from = Math.max(1, version - 3);
    const first = await attach(
      thread.id,
      await sessionToken(tenant, thread.id, { ticketId: "700" }),
      from,
    );
    await first.until("own arrival", (ms) =>
      ms.some((m) => m.type === "event" && m.event.type === "participant.joined"),
    );
    expect(first.events()[0]!.offset).toBe(from + 1);
    expectContiguous(first.events(), from);

    // A fact committed while attached arrives without asking.
    await sendChannelEvent(tenant, said("It is the blue vase.", "2026-03-01T09:05:00Z"));
    await first.until("the new message", (ms) => ms.some(saying("It is the blue vase.")));

    // Gone for a while: the customer writes meanwhile.
    await settle(tenant);
    const seen = first.lastOffset();
    first.close();
    await sendChannelEvent(tenant, said("Any news?", "2026-03-01T09:10:00Z"));
    await settle(tenant);

    const again = await attach(
      thread.id,
      await sessionToken(tenant, thread.id, { ticketId: "700" }),
      seen,
    );
    await again.until("what was missed", (ms) => ms.some(saying("Any news?")));
    await again.until("own arrival", (ms) =>
      ms.some((m) => m.type === "event" && m.event.type === "participant.joined"),
    );
    expectContiguous(again.events(), seen);
    expect(again.events().filter((m) => saying("It is the blue vase.")(m))).toHaveLength(0);
    expect(again.events().map((m) => m.event.type)).toContain("participant.left");
    again.close();
  });
});
