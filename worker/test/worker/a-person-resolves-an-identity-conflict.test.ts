import { beforeEach, describe, expect, it } from "vitest";
import { channelEvent, customer, order } from "./support/factories";
import { act, createTenant, sendChannelEvent, settle, ticketContext } from "./support/tenant";
import { migrate } from "./support/worker";

beforeEach(migrate);

interface Ctx {
  thread: { id: string; customerId: string | null };
  version: number;
  riskFlags: string[];
  identity: {
    level: string;
    customerId: string | null;
    candidates: string[];
    conflict: unknown;
  };
}

describe("a shared identifier a person settles", () => {
  it("takes the customer the person chose at medium, never high, and only among the candidates", async () => {
    const family = "family@example.com";
    const tenant = await createTenant({
      orders: {
        customers: [
          customer({ email: family }),
          customer({ id: "C-1002", name: "Leo Ortiz", email: family, phones: [] }),
        ],
        orders: [order()],
      },
    });
    await sendChannelEvent(
      tenant,
      channelEvent({
        ticketId: "801",
        identifiers: [{ type: "email", value: family }],
        message: { author: "customer", text: "Where is my parcel?" },
      }),
    );
    await settle(tenant);
    const read = async () => (await (await ticketContext(tenant, "801")).json()) as Ctx;
    const before = await read();
    expect(before.identity.conflict).not.toBeNull();
    expect(before.identity.candidates).toEqual(["C-1001", "C-1002"]);

    const wrong = await act(tenant, before.thread.id, {
      action: "resolve_conflict",
      customerId: "C-9999",
      expectedVersion: before.version,
      ticketId: "801",
    });
    expect(wrong.status).toBe(422);

    const chosen = await act(tenant, before.thread.id, {
      action: "resolve_conflict",
      customerId: "C-1002",
      expectedVersion: before.version,
      ticketId: "801",
    });
    expect(chosen.status).toBe(200);
    const after = await read();
    expect(after.identity).toMatchObject({
      level: "medium",
      customerId: "C-1002",
      candidates: [],
      conflict: null,
    });
    expect(after.thread.customerId).toBe("C-1002");
    expect(after.riskFlags).not.toContain("identity_conflict");
  });
});
