import { beforeEach, describe, expect, it } from "vitest";
import { customer, order, suncoDelivery, suncoMessage } from "./support/factories";
import {
  createTenant,
  readSessionContext,
  sendSuncoEvents,
  settle,
  suncoSent,
} from "./support/tenant";
import { migrate } from "./support/worker";

beforeEach(migrate);

describe("a hard stop on a messaging conversation", () => {
  it("passes control to the agent workspace with flat metadata under 4 KB", async () => {
    const tenant = await createTenant({
      orders: {
        customers: [customer({ phones: ["+819012345678"] })],
        orders: [order({ id: "W4410" })],
      },
    });
    await sendSuncoEvents(
      tenant,
      suncoDelivery([
        suncoMessage({
          conversationId: "conv_dispute",
          whatsapp: "819012345678",
          text: "I filed a chargeback with my bank for order W4410.",
        }),
      ]),
    );
    await settle(tenant, 20_000);

    const context = await readSessionContext(tenant, "conv_dispute");
    expect(context.control).toBe("human");
    const { controls } = await suncoSent(tenant, "conv_dispute");
    expect(controls).toHaveLength(1);
    const metadata = controls[0]!.metadata!;
    expect(metadata).toMatchObject({
      continuity_thread: context.thread.id,
      continuity_level: context.identity.level,
      continuity_category: "billing_dispute",
      continuity_step: expect.any(String),
    });
    expect(Object.values(metadata).every((v) => typeof v === "string")).toBe(true);
    expect(new TextEncoder().encode(JSON.stringify(metadata)).length).toBeLessThan(4096);
  });
});
