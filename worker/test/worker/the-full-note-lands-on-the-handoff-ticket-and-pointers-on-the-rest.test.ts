import { beforeEach, describe, expect, it } from "vitest";
import { readContext, settle } from "./support/tenant";
import { GUS, internalNotesOn, tenantWithEmailCustomer, ticketOpener } from "./support/notes";
import { migrate } from "./support/worker";

beforeEach(migrate);

const ticketOpened = ticketOpener(GUS.userId, "Order W3300");

describe("a handoff on a thread that spans several tickets", () => {
  it("writes the full note on the ticket it happened on and a pointer on each other, once", async () => {
    const tenant = await tenantWithEmailCustomer(GUS, "701", "702", "703");
    await ticketOpened(tenant, "701", "Where is my order W3300?", "2026-03-10T09:00:00Z");
    await settle(tenant);
    // No person is needed yet: no note.
    expect(await internalNotesOn(tenant, "701")).toEqual([]);

    await ticketOpened(
      tenant,
      "702",
      "I disputed the charge for order W3300 with my bank.",
      "2026-03-10T10:00:00Z",
    );
    // Zendesk delivers the event again, and again: nothing is written twice.
    await Promise.all(
      [1, 2].map(() =>
        ticketOpened(
          tenant,
          "702",
          "I disputed the charge for order W3300 with my bank.",
          "2026-03-10T10:00:00Z",
        ),
      ),
    );
    await settle(tenant, 20_000);
    const thread = (await readContext(tenant, "702")).thread.id;
    expect((await readContext(tenant, "701")).thread.id).toBe(thread);

    const full = await internalNotesOn(tenant, "702");
    expect(full).toHaveLength(1);
    expect(full[0]).toMatch(/^<p><b>Next best action:<\/b>/);
    const pointer = await internalNotesOn(tenant, "701");
    expect(pointer).toEqual([
      expect.stringMatching(
        /^<p><b>Handed to a person:<\/b> payment dispute\. Full handoff note on ticket #702\.<\/p><p><small>Continuity THR-[^ ]+ · ctx-note:[0-9a-f]+<\/small><\/p>$/,
      ),
    ]);
    // A ticket that was not on the thread at the handoff is pointed there when it joins.
    await ticketOpened(tenant, "703", "Any news about order W3300?", "2026-03-10T12:00:00Z");
    await settle(tenant, 20_000);
    expect(await internalNotesOn(tenant, "703")).toEqual([
      expect.stringContaining("Full handoff note on ticket #702."),
    ]);
    expect(await internalNotesOn(tenant, "702")).toEqual(full);
    expect(await internalNotesOn(tenant, "701")).toEqual(pointer);
  }, 40_000);
});
