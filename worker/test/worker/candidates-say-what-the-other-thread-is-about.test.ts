import { beforeEach, describe, expect, it } from "vitest";
import { channelEvent, customer, order } from "./support/factories";
import { createTenant, sendChannelEvent, settle, ticketContext } from "./support/tenant";
import { migrate } from "./support/worker";

beforeEach(migrate);

interface Candidate {
  threadId: string;
  workflow?: string | null;
  ticketId?: string | null;
  openedAt?: string;
  lastEventAt?: string;
}

describe("a candidate thread in the sidebar", () => {
  it("comes with what it is about, its ticket and when it opened", async () => {
    const tenant = await createTenant({
      orders: { customers: [customer()], orders: [order({ id: "W1001" }), order({ id: "W1002" })] },
      zendesk: {
        tickets: ["161", "162", "163"].map((id) => ({ id, requester_id: "9001", via: "web" })),
      },
    });
    const contact = (ticketId: string, at: string, text: string) =>
      sendChannelEvent(
        tenant,
        channelEvent({
          ticketId,
          identifiers: [{ type: "email", value: "maya.ortiz@example.com" }],
          occurredAt: at,
          message: { author: "customer", text },
        }),
      );
    await contact("161", "2026-03-01T09:00:00Z", "where is order W1001? it is late");
    await contact("162", "2026-03-01T09:30:00Z", "order W1002 arrived broken, please replace it");
    await settle(tenant);
    await contact("163", "2026-03-01T12:00:00Z", "any news on my parcel?");
    await settle(tenant);

    const first = (await (await ticketContext(tenant, "161")).json()) as { thread: { id: string } };
    const vague = (await (await ticketContext(tenant, "163")).json()) as {
      candidates: Candidate[];
    };
    const glimpse = vague.candidates.find((c) => c.threadId === first.thread.id);
    expect(glimpse).toMatchObject({
      workflow: "order_status",
      ticketId: "161",
      openedAt: "2026-03-01T09:00:00.000Z",
    });
    expect(glimpse?.lastEventAt).toBeDefined();
  });
});
