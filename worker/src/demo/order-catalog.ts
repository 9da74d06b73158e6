import type { Order, OrderCustomer } from "../contracts/orders";
import { seededRandom } from "../lib/seeded-random";

/**
 * The demo order system's data: a few featured customers the demo journeys use, plus generated
 * ones. Generated from a fixed seed, so every run and every machine sees the same customers.
 */
export interface OrderCatalog {
  customers: OrderCustomer[];
  orders: Order[];
}

const FEATURED: OrderCatalog = {
  customers: [
    {
      id: "C-1001",
      name: "Maya Ortiz",
      email: "maya.ortiz@example.com",
      phones: ["+14155550100"],
      zip: "94107",
      tier: "standard",
    },
    {
      id: "C-2001",
      name: "Ben Adeyemi",
      email: "ben.adeyemi@example.com",
      phones: ["+447700900123"],
      zip: "SW1A1AA",
      tier: "plus",
    },
    {
      id: "C-3001",
      name: "Cara Lindqvist",
      email: "cara.l@example.com",
      phones: ["+46701234567"],
      zip: "11122",
      tier: "standard",
    },
  ],
  orders: [
    {
      id: "18422",
      customerId: "C-1001",
      status: "delivered",
      placedAt: "2026-02-20T10:00:00Z",
      items: [{ id: "I-1", name: "Ceramic Vase", price: 64, options: { color: "blue" } }],
      total: 64,
      deliveredAt: "2026-02-27T15:00:00Z",
      returnWindowEndsAt: "2026-03-29T00:00:00Z",
      shipments: [{ status: "delivered", carrier: "UPS", tracking: "1Z9998422" }],
    },
    {
      id: "W5521",
      customerId: "C-2001",
      status: "delivered",
      placedAt: "2026-02-20T10:00:00Z",
      items: [{ id: "I-9", name: "Trail Shoes", price: 120, options: { size: "44" } }],
      total: 120,
      deliveredAt: "2026-03-01T12:00:00Z",
      returnWindowEndsAt: "2026-03-31T00:00:00Z",
      shipments: [{ status: "delivered", carrier: "UPS", tracking: "1Z9995521" }],
    },
    {
      id: "W7781",
      customerId: "C-3001",
      status: "delivered",
      placedAt: "2025-06-01T10:00:00Z",
      items: [{ id: "I-77", name: "Espresso Machine", price: 349, options: { model: "X2" } }],
      total: 349,
      deliveredAt: "2025-06-04T10:00:00Z",
      shipments: [{ status: "delivered", carrier: "UPS", tracking: "1Z9997781" }],
    },
  ],
};

const FIRST = [
  "Ava",
  "Noah",
  "Lena",
  "Omar",
  "Iris",
  "Kai",
  "Zoe",
  "Luca",
  "Mina",
  "Theo",
  "Ines",
  "Ravi",
  "Sofia",
  "Jonas",
  "Yuki",
  "Amara",
];
const LAST = [
  "Baker",
  "Chen",
  "Diaz",
  "Evans",
  "Fischer",
  "Garcia",
  "Haddad",
  "Ito",
  "Jensen",
  "Khan",
  "Lopez",
  "Moreau",
  "Novak",
  "Okafor",
  "Park",
  "Rossi",
];
const PRODUCTS = [
  { name: "Desk Lamp", price: 35 },
  { name: "Office Chair", price: 210 },
  { name: "Kettle", price: 40 },
  { name: "Toaster", price: 55 },
  { name: "Headphones", price: 199 },
  { name: "Rice Cooker", price: 89 },
  { name: "Backpack", price: 75 },
  { name: "Blender", price: 120 },
];
const TIERS = ["standard", "standard", "standard", "plus", "premium"];
const STATUSES: Order["status"][] = ["pending", "processed", "delivered", "delivered", "delivered"];

function pick<T>(random: () => number, values: readonly T[]): T {
  return values[Math.floor(random() * values.length)]!;
}

function isoDay(base: number, days: number): string {
  return new Date(base + days * 86_400_000).toISOString().replace(".000Z", "Z");
}

export function generateCatalog(count = 200, seed = 20260301): OrderCatalog {
  const random = seededRandom(seed);
  const epoch = Date.parse("2026-03-01T00:00:00Z");
  const catalog: OrderCatalog = {
    customers: [...FEATURED.customers],
    orders: [...FEATURED.orders],
  };
  for (let i = 0; i < count; i++) {
    const first = pick(random, FIRST);
    const last = pick(random, LAST);
    const id = `C-${5000 + i}`;
    catalog.customers.push({
      id,
      name: `${first} ${last}`,
      email: `${first}.${last}.${i}@example.com`.toLowerCase(),
      phones: [`+1202555${String(1000 + i).slice(-4)}`],
      zip: String(10000 + Math.floor(random() * 89999)),
      tier: pick(random, TIERS),
    });
    const orders = 1 + Math.floor(random() * 3);
    for (let n = 0; n < orders; n++) {
      const product = pick(random, PRODUCTS);
      const status = pick(random, STATUSES);
      const placed = -Math.floor(random() * 40) - 5;
      const delivered = status === "delivered" ? placed + 4 : undefined;
      catalog.orders.push({
        id: `W${20000 + i * 3 + n}`,
        customerId: id,
        status,
        placedAt: isoDay(epoch, placed),
        items: [{ id: `I-${i}-${n}`, name: product.name, price: product.price, options: {} }],
        total: product.price,
        ...(delivered !== undefined && {
          deliveredAt: isoDay(epoch, delivered),
          returnWindowEndsAt: isoDay(epoch, delivered + 30),
        }),
        shipments:
          status === "pending"
            ? []
            : [
                {
                  status: status === "delivered" ? "delivered" : "in_transit",
                  carrier: "UPS",
                  tracking: `1Z${20000 + i * 3 + n}`,
                },
              ],
      });
    }
  }
  return catalog;
}
