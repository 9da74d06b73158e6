import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { RunOrderSystem } from "../../src/connectors/orders";
import { findReferences } from "../../src/domain/language/references";
import { readMessage } from "../../src/domain/language/read-message";
import { aboutAnOrder, groundReferences } from "../../src/ingest/grounding";
import { orderSystemKnowing } from "./order-system-factories";

async function groundedOrders(text: string, known: string[]): Promise<string[]> {
  const reading = readMessage(text, "email");
  const grounded = await groundReferences(
    findReferences(text, "email", "US"),
    new RunOrderSystem(orderSystemKnowing(known)),
    { hasOrderSystem: true, aboutAnOrder: aboutAnOrder(reading.intents, reading.hardStops) },
  );
  return grounded.orderIds;
}

describe("a figure alone names an order in a disputed payment or a stranger's use of the account", () => {
  it("a takeover's orders are found, so a person sees which orders the stranger placed", async () => {
    const said = fc.constantFrom(
      (n: string) => `Someone hacked my account and placed ${n}, I never ordered that.`,
      (n: string) => `There's an order on my account (${n}) that I did not place. Please lock it.`,
    );
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 10_000, max: 999_999 }).map(String),
        said,
        async (n, say) => {
          expect(await groundedOrders(say(n), [n])).toEqual([n]);
        },
      ),
      { numRuns: 30 },
    );
  });

  it("a message about nothing to do with an order still looks nothing up", async () => {
    expect(await groundedOrders("My loyalty points went from 34000 to 0, why?", ["34000"])).toEqual(
      [],
    );
  });
});
