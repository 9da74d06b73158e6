import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { RunOrderSystem } from "../../src/connectors/orders";
import { findReferences } from "../../src/domain/language/references";
import { readMessage } from "../../src/domain/language/read-message";
import { aboutAnOrder, groundReferences } from "../../src/ingest/grounding";
import { orderSystemKnowing } from "./order-system-factories";

async function grounded(text: string, known: string[], asked: string[] = []): Promise<string[]> {
  const reading = readMessage(text, "web_chat");
  const result = await groundReferences(
    findReferences(text, "web_chat", "US"),
    new RunOrderSystem(orderSystemKnowing(known, asked)),
    { hasOrderSystem: true, aboutAnOrder: aboutAnOrder(reading.intents, reading.hardStops) },
  );
  return result.orderIds;
}

const figure = fc.integer({ min: 10_000, max: 999_999 }).map(String);

describe("a figure alone beside a cued order", () => {
  it("is looked up when the customer speaks of more than one order", async () => {
    const said = fc.constantFrom(
      (a: string, b: string) => `still no refund for ${a} and where's my other order #${b}?`,
      (a: string, b: string) =>
        `I placed order ${b} twice by mistake. The other is ${a}, cancel it`,
      (a: string, b: string) => `two orders: order ${b} came broken and ${a} never arrived`,
      (a: string, b: string) => `my second order, ${a}, is late too (first was order ${b})`,
    );
    await fc.assert(
      fc.asyncProperty(figure, figure, said, async (a, b, say) => {
        fc.pre(a !== b);
        expect((await grounded(say(a, b), [a, b])).sort()).toEqual([a, b].sort());
      }),
      { numRuns: 60 },
    );
  });

  it("is left alone when one order is spoken of: the cued one is the order", async () => {
    const said = fc.constantFrom(
      (a: string, b: string) => `order #${b} never came, I paid ${a.slice(0, 3)}.99 for it`,
      (a: string, b: string) => `order ${b} arrived broken, box said ${a}`,
    );
    await fc.assert(
      fc.asyncProperty(figure, figure, said, async (a, b, say) => {
        fc.pre(a !== b);
        const asked: string[] = [];
        expect(await grounded(say(a, b), [a, b], asked)).toEqual([b]);
        expect(asked.some((id) => id.replace("#", "") === a)).toBe(false);
      }),
      { numRuns: 60 },
    );
  });
});
