import { z } from "@hono/zod-openapi";

/** The order-system contract (DESIGN §8). */
export const OrderCustomer = z
  .object({
    id: z.string(),
    name: z.string(),
    email: z.string(),
    phones: z.array(z.string()).default([]),
    zip: z.string(),
    tier: z.string().optional(),
  })
  .openapi("OrderCustomer");
export type OrderCustomer = z.infer<typeof OrderCustomer>;

export const ORDER_STATUSES = [
  "pending",
  "processed",
  "delivered",
  "cancelled",
  "return_requested",
  "exchange_requested",
] as const;

export const Order = z
  .object({
    id: z.string(),
    customerId: z.string(),
    status: z.enum(ORDER_STATUSES),
    placedAt: z.string(),
    items: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        price: z.number(),
        options: z.record(z.string(), z.unknown()).default({}),
      }),
    ),
    total: z.number(),
    deliveredAt: z.string().optional(),
    returnWindowEndsAt: z.string().optional(),
    shipments: z
      .array(
        z.object({
          status: z.string(),
          carrier: z.string().optional(),
          tracking: z.string().optional(),
          eta: z.string().optional(),
        }),
      )
      .default([]),
  })
  .openapi("Order");
export type Order = z.infer<typeof Order>;

export const CustomersAnswer = z.object({ customers: z.array(OrderCustomer) });
export const OrdersAnswer = z.object({ orders: z.array(Order) });
