import { beforeEach, describe, expect, it } from "vitest";
import { channelEvent, customer, order } from "./support/factories";
import { createTenant, sendChannelEvent, settle, ticketContext } from "./support/tenant";
import type { TestTenant } from "./support/tenant";
import { call, migrate } from "./support/worker";

beforeEach(migrate);

interface Ctx {
  thread: { id: string };
  version: number;
  summary: {
    text: string;
    source: string;
    generated: string;
    editedBy: string | null;
    diffCategory: string | null;
  };
  handoff: { summary: { text: string; source: string } };
}

async function read(tenant: TestTenant, ticketId: string): Promise<Ctx> {
  return (await (await ticketContext(tenant, ticketId)).json()) as Ctx;
}

function edit(tenant: TestTenant, threadId: string, body: Record<string, unknown>) {
  return call(`/v1/threads/${threadId}/summary`, {
    method: "PUT",
    headers: { authorization: `Bearer ${tenant.appSecret}`, "content-type": "application/json" },
    body: JSON.stringify({ actor: "agent-7", ticketId: "700", ...body }),
  });
}

describe("a person correcting the handoff summary", () => {
  it("keeps the correction beside the generated text, with what kind of change it was", async () => {
    const tenant = await createTenant({ orders: { customers: [customer()], orders: [order()] } });
    await sendChannelEvent(
      tenant,
      channelEvent({
        ticketId: "700",
        identifiers: [{ type: "email", value: "maya.ortiz@example.com" }],
        message: { author: "customer", text: "My order #18422 arrived damaged." },
      }),
    );
    await settle(tenant);
    const before = await read(tenant, "700");
    expect(before.summary.source).toBe("generated");
    expect(before.summary.text).toContain("#18422");

    const corrected = before.summary.text.replace("#18422", "#18424");
    const saved = await edit(tenant, before.thread.id, {
      expectedVersion: before.version,
      text: corrected,
    });
    expect(saved.status).toBe(200);
    const after = await read(tenant, "700");
    expect(after.summary).toMatchObject({
      text: corrected,
      source: "edited",
      generated: before.summary.text,
      editedBy: "agent-7",
      diffCategory: "corrected_fact",
    });
    // The payload (and so the next note) carries the person's words.
    expect(after.handoff.summary).toMatchObject({ text: corrected, source: "edited" });

    const unchanged = await edit(tenant, before.thread.id, {
      expectedVersion: after.version,
      text: corrected,
    });
    expect(unchanged.status).toBe(422);
    const stale = await edit(tenant, before.thread.id, {
      expectedVersion: before.version,
      text: `${corrected} More.`,
    });
    expect(stale.status).toBe(409);
    const empty = await edit(tenant, before.thread.id, {
      expectedVersion: after.version,
      text: "   ",
    });
    expect(empty.status).toBe(422);
    expect((await read(tenant, "700")).version).toBe(after.version);
  });
});
