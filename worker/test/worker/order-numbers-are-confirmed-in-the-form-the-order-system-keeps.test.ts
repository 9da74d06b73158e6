import { beforeEach, describe, expect, it } from "vitest";
import { channelEvent, customer, order } from "./support/factories";
import { createTenant, readSessionContext, sendChannelEvent, settle } from "./support/tenant";
import { migrate } from "./support/worker";

beforeEach(migrate);

// The order system stores ids with a leading '#', as many do; customers write them every way.
const MAYA = customer();
const OTHER = customer({
  id: "C-2002",
  name: "Ali Khan",
  email: "ali@example.com",
  phones: [],
  zip: "30303",
});
const ORDERS = [
  order({ id: "#W4471210", customerId: MAYA.id }),
  // A figure customers write for other reasons, stored as someone else's order.
  order({ id: "#30303", customerId: OTHER.id }),
];

async function chat(text: string, sessionId: string, identifiers: unknown[] = []) {
  const tenant = await createTenant({ orders: { customers: [MAYA, OTHER], orders: ORDERS } });
  await sendChannelEvent(
    tenant,
    channelEvent({ sessionId, identifiers, message: { author: "customer", text } }),
  );
  await settle(tenant);
  return readSessionContext(tenant, sessionId);
}

describe("order numbers in a customer's words are confirmed against the order system", () => {
  it.each([
    ["it's about w4471210, any idea when it gets here?"],
    ["(W4471210) never came"],
    ["Re: #W4471210 still waiting"],
    ["hi\nW4471210\nwhere is it"],
  ])("%j is found as the order stored as #W4471210", async (text) => {
    const context = await chat(text, "WC-FORMS", [{ type: "email", value: MAYA.email }]);
    // The email and the confirmed order agree: two signals, medium; the order is never asked for.
    expect(context.identity.level).toBe("medium");
    expect(context.workflow?.id).toBe("order_status");
    expect(context.workflow?.missing ?? []).not.toContain("order_id");
  });

  it("a zip, a price or a year is never attached, even where the order system knows the figure", async () => {
    const context = await chat(
      "My name is Maya Ortiz, zip 30303. Paid $30303 in 2024... any update on my parcel?",
      "WC-ZIP",
      [{ type: "email", value: MAYA.email }],
    );
    // Had 30303 been taken for an order, it would be Ali's and raise an identity conflict.
    expect(context.riskFlags).not.toContain("identity_conflict");
  });

  it("an order number the order system does not know is not asked for again: the agent says so", async () => {
    const context = await chat("Where is order #W9999999?", "WC-UNKNOWN", [
      { type: "email", value: MAYA.email },
    ]);
    const reply = context.agent.replies.at(-1)?.text ?? "";
    expect(reply).toContain("#W9999999");
    expect(reply).not.toMatch(/what's the order number/i);
  });
});
