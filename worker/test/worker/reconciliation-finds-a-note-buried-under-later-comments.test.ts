import { env } from "cloudflare:test";
import { beforeEach, describe, expect, it } from "vitest";
import { deliverOnce } from "../../src/delivery/deliver";
import { noteKeysOn, outboxStatus, pendingNote } from "./support/notes";
import { createTenant } from "./support/tenant";
import { migrate } from "./support/worker";

beforeEach(migrate);

describe("a note Zendesk accepted before the Worker died", () => {
  it("is found on a busy ticket where more than a page of comments came after it", async () => {
    const tenant = await createTenant({
      zendesk: { tickets: [{ id: "640", requester_id: "9501", via: "email", status: "open" }] },
    });
    const note = await pendingNote(tenant, "640");
    // The write lands, then the Worker dies; agents add 150 comments before the retry.
    let crashed = false;
    const dying: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      if (init?.method !== "PUT") return response;
      for (let i = 0; i < 150; i++) {
        const busy = await fetch(input, {
          ...init,
          body: JSON.stringify({
            ticket: { comment: { body: `Agent update ${i}`, public: true } },
          }),
        });
        expect(busy.ok).toBe(true);
      }
      crashed = true;
      return new Promise<Response>(() => undefined);
    };
    void deliverOnce(env, tenant.tenantId, note.id, { fetcher: dying });
    for (let i = 0; i < 250 && !crashed; i++) await new Promise((r) => setTimeout(r, 20));
    expect(crashed).toBe(true);

    const later = () => new Date(Date.now() + 61_000);
    expect(await deliverOnce(env, tenant.tenantId, note.id, { now: later })).toEqual({
      kind: "already_sent",
    });
    expect(await noteKeysOn(tenant, "640")).toEqual([note.key]);
    expect(await outboxStatus(tenant.tenantId, note.id)).toMatchObject({ status: "sent" });
  });
});
