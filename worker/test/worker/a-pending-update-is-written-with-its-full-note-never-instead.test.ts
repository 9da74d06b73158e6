import { env } from "cloudflare:test";
import { beforeEach, describe, expect, it } from "vitest";
import { deliverOnce } from "../../src/delivery/deliver";
import { noteRowsFor } from "../../src/delivery/notes";
import { emptyThread } from "../../src/domain/thread-state";
import { enqueueOutbox } from "../../src/store/outbox";
import { loadTenant } from "../../src/tenancy/tenants";
import { outboxStatus, pendingNote, zendeskRequests } from "./support/notes";
import { createTenant, zendeskComments, type TestTenant } from "./support/tenant";
import { migrate } from "./support/worker";

beforeEach(migrate);

/** An update under the full note, queued a second after whatever is pending. */
async function pendingUpdate(tenant: TestTenant, ticketId: string) {
  const loaded = await loadTenant(env, tenant.tenantId, { fresh: true });
  const [row] = await noteRowsFor(
    env,
    loaded!.config,
    emptyThread("THR-FAULTS", "2026-03-01T10:00:00.000Z"),
    [
      {
        kind: "update",
        ticketId,
        handoff: "agent:4#1",
        change: { id: "with_ai", kind: "with_ai" },
      },
    ],
  );
  const later = new Date(Date.now() + 1000).toISOString();
  await env.DB.batch(enqueueOutbox(env.DB, tenant.tenantId, [row!], later));
  return { id: row!.id, key: row!.id.replace(/^note:/, "") };
}

describe("an update pending with the full note it follows", () => {
  it("goes in the same write, after it: an update never stands in for the note", async () => {
    const tenant = await createTenant({
      zendesk: { tickets: [{ id: "650", requester_id: "9501", via: "email", status: "open" }] },
    });
    const full = await pendingNote(tenant, "650");
    const update = await pendingUpdate(tenant, "650");

    expect(await deliverOnce(env, tenant.tenantId, update.id)).toEqual({ kind: "sent" });
    const comments = (await zendeskComments(tenant, "650"))!.comments.filter((c) => !c.public);
    expect(comments).toHaveLength(1);
    const html = comments[0]!.html_body;
    expect(html.indexOf(`ctx-note:${full.key}`)).toBeGreaterThan(-1);
    expect(html.indexOf(`ctx-note:${update.key}`)).toBeGreaterThan(
      html.indexOf(`ctx-note:${full.key}`),
    );
    expect(await outboxStatus(tenant.tenantId, full.id)).toMatchObject({ status: "sent" });
    expect(await outboxStatus(tenant.tenantId, update.id)).toMatchObject({ status: "sent" });
    expect((await zendeskRequests(tenant)).filter((r) => r.method === "PUT")).toHaveLength(1);
  });
});
