import { beforeEach, describe, expect, it } from "vitest";
import { channelEvent, customer, order } from "./support/factories";
import { createTenant, readSessionContext, sendChannelEvent, settle } from "./support/tenant";
import { migrate } from "./support/worker";

beforeEach(migrate);

const MAYA = customer();

describe("a name and a zip given in two messages are one identity signal", () => {
  it.each([
    ["Hi, this is Maya Ortiz. Where is my order 18422?", "the zip is 94107"],
    ["where is order 18422? zip code 94107", "Maya Ortiz"],
  ])("%j then %j", async (first, second) => {
    const tenant = await createTenant({ orders: { customers: [MAYA], orders: [order()] } });
    for (const [i, text] of [first, second].entries()) {
      await sendChannelEvent(
        tenant,
        channelEvent({
          sessionId: "WC-APART",
          occurredAt: `2026-03-01T09:0${i}:00Z`,
          message: { author: "customer", text },
        }),
      );
      await settle(tenant);
    }
    const context = await readSessionContext(tenant, "WC-APART");
    // The order (a signal of its own) and the name+zip the order system confirmed: medium.
    expect(context.identity.level).toBe("medium");
    // Once both halves are in, nobody asks for them again.
    expect(context.agent.replies.at(-1)?.text ?? "").not.toMatch(/name and zip/i);
  });
});
