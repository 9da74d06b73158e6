import type { OrderSystem } from "../../src/connectors/orders";
import type { Order } from "../../src/contracts/orders";

/** An order system that knows the given ids and nothing else; `asked` records each lookup. */
export function orderSystemKnowing(ids: string[], asked: string[] = []): OrderSystem {
  const order = (id: string): Order => ({
    id,
    customerId: "c-1",
    status: "delivered",
    placedAt: "2026-01-01T00:00:00Z",
    items: [],
    total: 0,
    shipments: [],
  });
  return {
    customersByEmail: async () => [],
    customersByPhone: async () => [],
    customersByNameZip: async () => [],
    ordersOf: async () => [],
    order: async (id) => {
      asked.push(id);
      return ids.includes(id) ? order(id) : null;
    },
  };
}
