import { beforeEach, describe, expect, it } from "vitest";
import { channelEvent, customer, order } from "./support/factories";
import { attach, sessionToken } from "./support/live-session";
import { act, createTenant, readContext, sendChannelEvent, settle } from "./support/tenant";
import { migrate } from "./support/worker";

beforeEach(migrate);

describe("a person's view and the live session", () => {
  it("acts on the version the person saw when only arrivals were recorded since, and still refuses a real change", async () => {
    const tenant = await createTenant({ orders: { customers: [customer()], orders: [order()] } });
    await sendChannelEvent(
      tenant,
      channelEvent({
        ticketId: "950",
        identifiers: [{ type: "email", value: "maya.ortiz@example.com" }],
        message: {
          author: "customer",
          text: "My order #18422 arrived damaged, I want a replacement.",
        },
        artifacts: [{ kind: "photo", url: "https://files.example.com/1.jpg" }],
      }),
    );
    await settle(tenant);
    const seen = await readContext(tenant, "950");
    expect(seen.workflow?.currentStep).toBe("approve_replacement");

    // The person's own sidebar attaches (and a colleague's): two facts land after what they saw.
    const mine = await attach(
      seen.thread.id,
      await sessionToken(tenant, seen.thread.id, { ticketId: "950" }),
    );
    const theirs = await attach(
      seen.thread.id,
      await sessionToken(tenant, seen.thread.id, { ticketId: "950", actor: "agent-8" }),
    );
    await mine.until("both arrivals", () => mine.presence()?.participants.length === 2);
    expect((await readContext(tenant, "950")).version).toBe(seen.version + 2);

    const approved = await act(tenant, seen.thread.id, {
      action: "approve",
      expectedVersion: seen.version,
      ticketId: "950",
    });
    expect(approved.status).toBe(200);

    // The approval is a real change: the same click from the same old view is stale.
    const again = await act(tenant, seen.thread.id, {
      action: "approve",
      expectedVersion: seen.version,
      ticketId: "950",
    });
    expect(again.status).toBe(409);
    mine.close();
    theirs.close();
  });
});
