import { createExecutionContext, createMessageBatch, env, getQueueResult } from "cloudflare:test";
import { beforeEach, describe, expect, it } from "vitest";
import worker from "../../src/index";
import { deliverOnce } from "../../src/delivery/deliver";
import type { OutboxMessage } from "../../src/delivery/outbox-message";
import { noteKeysOn, outboxStatus, pendingNote } from "./support/notes";
import { createTenant, settle } from "./support/tenant";
import { call, migrate, OPERATOR } from "./support/worker";

beforeEach(migrate);

describe("a note whose queue message the platform gave up on", () => {
  it("is failed with the reason, listed for the operator, and is not written again when replayed", async () => {
    const tenant = await createTenant({
      zendesk: { tickets: [{ id: "950", requester_id: "1", via: "email" }] },
    });
    const note = await pendingNote(tenant, "950");
    // Zendesk took the note, then the consumer died before marking it: the platform retried the
    // message until it gave up.
    const dying: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      if (init?.method === "PUT") throw new Error("isolate went away");
      return response;
    };
    await deliverOnce(env, tenant.tenantId, note.id, { fetcher: dying });
    expect(await noteKeysOn(tenant, "950")).toEqual([note.key]);
    const batch = createMessageBatch<OutboxMessage>("continuity-outbox-dlq", [
      {
        id: "m1",
        timestamp: new Date(),
        attempts: 21,
        body: { v: 1, tenantId: tenant.tenantId, id: note.id },
      },
    ]);
    const ctx = createExecutionContext();
    await worker.queue(batch as MessageBatch<unknown>, env);
    expect((await getQueueResult(batch, ctx)).explicitAcks).toEqual(["m1"]);

    expect(await outboxStatus(tenant.tenantId, note.id)).toMatchObject({
      status: "failed",
      last_error: expect.stringContaining("gave up"),
    });
    const listed = await call(`/v1/admin/tenants/${tenant.tenantId}/outbox?status=failed`, {
      headers: OPERATOR,
    });
    expect(((await listed.json()) as { outbox: { id: string }[] }).outbox.map((o) => o.id)).toEqual(
      [note.id],
    );

    const replay = await call(`/v1/admin/tenants/${tenant.tenantId}/outbox/${note.id}/replay`, {
      method: "POST",
      headers: OPERATOR,
    });
    expect(replay.status).toBe(202);
    await settle(tenant);
    expect(await noteKeysOn(tenant, "950")).toEqual([note.key]);
  });
});
