import { env } from "cloudflare:test";
import { beforeEach, describe, expect, it } from "vitest";
import { deliverOnce } from "../../src/delivery/deliver";
import { act, readContext, settle } from "./support/tenant";
import { internalNotesOn, tenantWithEmailCustomer, ticketOpener } from "./support/notes";
import { migrate } from "./support/worker";

beforeEach(migrate);

function chloeWithTickets(...ids: string[]) {
  return tenantWithEmailCustomer(
    {
      customerId: "C-3801",
      userId: "9381",
      name: "Chloé Martin",
      email: "chloe.martin@example.com",
      order: {
        id: "W3801",
        items: [{ id: "I-3801", name: "Glass Blender", price: 119, options: {} }],
        deliveredAt: "2026-03-17T10:00:00Z",
        returnWindowEndsAt: "2026-04-16T00:00:00Z",
      },
    },
    ...ids,
  );
}

const ticketOpened = ticketOpener("9381", "Refund for order W3801");

describe("a change after the handoff that makes the full note wrong", () => {
  it("is told once, as a short update on the ticket that holds the full note", async () => {
    const tenant = await chloeWithTickets("811", "812");
    // The refund stops at the back-end check, for a person: the full note goes on 811.
    await ticketOpened(
      tenant,
      "811",
      "The blender I received doesn't work at all. I would like a refund for order W3801.",
      "2026-03-26T08:00:00Z",
    );
    await settle(tenant);
    await ticketOpened(
      tenant,
      "812",
      "Any news on my refund for order W3801?",
      "2026-03-26T15:00:00Z",
    );
    await settle(tenant);
    const full = await internalNotesOn(tenant, "811");
    expect(full).toEqual([expect.stringContaining("<b>Next best action:</b> Approve or deny")]);
    expect(await internalNotesOn(tenant, "812")).toEqual([
      expect.stringContaining("Full handoff note on ticket #811."),
    ]);

    // From the sibling ticket, a person denies the refund: the full note's "approve or deny" is
    // now wrong, and its ticket is told so.
    const before = await readContext(tenant, "812");
    const denial = {
      action: "deny",
      reason: "The blender was dropped",
      expectedVersion: before.version,
      ticketId: "812",
    };
    expect((await act(tenant, before.thread.id, denial)).status).toBe(200);
    // The same click again (a double submit, a retry): stale, nothing more.
    expect((await act(tenant, before.thread.id, denial)).status).toBe(409);
    await settle(tenant);

    const notes = await internalNotesOn(tenant, "811");
    expect(notes).toHaveLength(2);
    expect(notes[0]).toBe(full[0]);
    expect(notes[1]).toMatch(
      /^<p><b>Update:<\/b> The refund was denied \(The blender was dropped\)\.<\/p><p><small>Continuity THR-[^ ]+ · ctx-note:[0-9a-f]+<\/small><\/p>$/,
    );
    expect(await internalNotesOn(tenant, "812")).toHaveLength(1);

    // The queue delivering the update's message again writes nothing.
    const { results } = await env.DB.prepare(
      "SELECT id, status FROM outbox WHERE tenant_id = ?1 AND kind = 'zendesk_note' AND target = '811'",
    )
      .bind(tenant.tenantId)
      .all<{ id: string; status: string }>();
    expect(results.map((r) => r.status)).toEqual(["sent", "sent"]);
    for (const row of results)
      expect(await deliverOnce(env, tenant.tenantId, row.id)).toEqual({ kind: "already_sent" });
    expect(await internalNotesOn(tenant, "811")).toEqual(notes);
  }, 40_000);
});
