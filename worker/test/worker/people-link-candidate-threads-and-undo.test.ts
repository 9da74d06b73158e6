import { beforeEach, describe, expect, it } from "vitest";
import { channelEvent, customer, order } from "./support/factories";
import { act, createTenant, sendChannelEvent, settle, ticketContext } from "./support/tenant";
import type { TestTenant } from "./support/tenant";
import { migrate } from "./support/worker";

beforeEach(migrate);

interface Ctx {
  thread: { id: string };
  version: number;
  tickets: { id: string }[];
  timeline: { text: string }[];
  candidates: { threadId: string }[];
  linkedThreads: { threadId: string; by: string }[];
  dismissedCandidates: string[];
  notes: { ticketId: string; status: string }[];
}

const email = [{ type: "email", value: "maya.ortiz@example.com" }];

async function read(tenant: TestTenant, ticketId: string): Promise<Ctx> {
  const response = await ticketContext(tenant, ticketId);
  expect(response.status).toBe(200);
  return (await response.json()) as Ctx;
}

/** Two open threads for one customer, then a vague third contact that could be either. */
async function threeThreads() {
  const tenant = await createTenant({
    orders: { customers: [customer()], orders: [order({ id: "W1001" }), order({ id: "W1002" })] },
    zendesk: {
      tickets: ["151", "152", "153"].map((id) => ({ id, requester_id: "9001", via: "web" })),
    },
  });
  const contact = (ticketId: string, at: string, text: string) =>
    sendChannelEvent(
      tenant,
      channelEvent({
        ticketId,
        identifiers: email,
        occurredAt: at,
        message: { author: "customer", text },
      }),
    );
  await contact("151", "2026-03-01T09:00:00Z", "order W1001 is late");
  await contact("152", "2026-03-01T09:30:00Z", "order W1002 is broken");
  await settle(tenant);
  await contact("153", "2026-03-01T12:00:00Z", "any news on my parcel?");
  await settle(tenant);
  return tenant;
}

async function post(tenant: TestTenant, threadId: string, body: Record<string, unknown>) {
  const response = await act(tenant, threadId, { ticketId: "153", ...body });
  return { status: response.status, body: (await response.json()) as Ctx };
}

describe("a person deciding whether two threads are one issue", () => {
  it("links the vague contact into the older thread, and undo puts everything back", async () => {
    const tenant = await threeThreads();
    const [a, vague] = [await read(tenant, "151"), await read(tenant, "153")];
    expect(vague.candidates.map((c) => c.threadId)).toContain(a.thread.id);

    const linked = await post(tenant, vague.thread.id, {
      action: "link_thread",
      otherThreadId: a.thread.id,
      expectedVersion: vague.version,
    });
    expect(linked.status).toBe(200);
    // The older thread lives on; the ticket now reads it, with the vague contact's story in it.
    expect(linked.body.thread.id).toBe(a.thread.id);
    expect(linked.body.linkedThreads).toEqual([
      expect.objectContaining({ threadId: vague.thread.id, by: "agent-7" }),
    ]);
    expect(linked.body.tickets.map((t) => t.id).sort()).toEqual(["151", "153"]);
    expect(linked.body.timeline.filter((e) => e.text.includes("any news")).length).toBe(1);
    expect((await read(tenant, "151")).thread.id).toBe(a.thread.id);
    // No person has the thread: the ticket that joined it is owed no note, the sidebar tells
    // the story (a handoff would point it to its full note).
    await settle(tenant);
    const afterLink = await read(tenant, "153");
    expect(afterLink.notes).toEqual([]);

    const undone = await post(tenant, a.thread.id, {
      action: "unlink_thread",
      otherThreadId: vague.thread.id,
      expectedVersion: afterLink.version,
    });
    expect(undone.status).toBe(200);
    expect(undone.body.thread.id).toBe(vague.thread.id);
    const aAgain = await read(tenant, "151");
    expect(aAgain.tickets.map((t) => t.id)).toEqual(["151"]);
    expect(aAgain.timeline.some((e) => e.text.includes("any news"))).toBe(false);
    expect(aAgain.linkedThreads).toEqual([]);

    // Linking again after the undo copies the story once more, never twice.
    const vagueAgain = await read(tenant, "153");
    const relinked = await post(tenant, vague.thread.id, {
      action: "link_thread",
      otherThreadId: a.thread.id,
      expectedVersion: vagueAgain.version,
    });
    expect(relinked.status).toBe(200);
    expect(relinked.body.timeline.filter((e) => e.text.includes("any news")).length).toBe(1);
  });

  it("dismisses a candidate and restores it, and refuses stale or unrelated links", async () => {
    const tenant = await threeThreads();
    const [b, vague] = [await read(tenant, "152"), await read(tenant, "153")];

    const dismissed = await post(tenant, vague.thread.id, {
      action: "dismiss_candidate",
      otherThreadId: b.thread.id,
      expectedVersion: vague.version,
    });
    expect(dismissed.status).toBe(200);
    expect(dismissed.body.candidates.map((c) => c.threadId)).not.toContain(b.thread.id);
    expect(dismissed.body.dismissedCandidates).toEqual([b.thread.id]);

    const restored = await post(tenant, vague.thread.id, {
      action: "restore_candidate",
      otherThreadId: b.thread.id,
      expectedVersion: dismissed.body.version,
    });
    expect(restored.body.candidates.map((c) => c.threadId)).toContain(b.thread.id);
    expect(restored.body.dismissedCandidates).toEqual([]);

    const stale = await act(tenant, vague.thread.id, {
      action: "link_thread",
      otherThreadId: b.thread.id,
      expectedVersion: vague.version,
      ticketId: "153",
    });
    expect(stale.status).toBe(409);

    const self = await post(tenant, vague.thread.id, {
      action: "link_thread",
      otherThreadId: vague.thread.id,
      expectedVersion: restored.body.version,
    });
    expect(self.status).toBe(422);
  });

  it("never links two customers' threads", async () => {
    const tenant = await createTenant({
      orders: {
        customers: [
          customer(),
          customer({ id: "C-2002", email: "sam.lee@example.com", phones: [], name: "Sam Lee" }),
        ],
        orders: [order(), order({ id: "20001", customerId: "C-2002" })],
      },
    });
    await sendChannelEvent(
      tenant,
      channelEvent({
        ticketId: "171",
        identifiers: email,
        message: { author: "customer", text: "order #18422" },
      }),
    );
    await sendChannelEvent(
      tenant,
      channelEvent({
        ticketId: "172",
        identifiers: [{ type: "email", value: "sam.lee@example.com" }],
        message: { author: "customer", text: "order #20001" },
      }),
    );
    await settle(tenant);
    const [maya, sam] = [await read(tenant, "171"), await read(tenant, "172")];
    const refused = await act(tenant, maya.thread.id, {
      action: "link_thread",
      otherThreadId: sam.thread.id,
      expectedVersion: maya.version,
      ticketId: "171",
    });
    expect(refused.status).toBe(422);
    expect(await refused.json()).toMatchObject({
      error: { message: expect.stringContaining("neither a candidate") },
    });
  });
});
