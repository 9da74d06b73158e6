import { createRoute, z } from "@hono/zod-openapi";
import { errorContent, jsonContent } from "../../contracts/errors";
import { CustomersAnswer, Order, OrdersAnswer } from "../../contracts/orders";

const tags = ["Demo order system"];

export const customers = createRoute({
  method: "get",
  path: "/demo/orders/customers",
  tags,
  summary: "DESIGN §8 customer search over the seeded demo data",
  request: {
    query: z
      .object({
        email: z.string().optional(),
        phone: z.string().optional(),
        name: z.string().optional(),
        zip: z.string().optional(),
      })
      .refine((q) => q.email || q.phone || (q.name && q.zip), "give email, phone, or name and zip"),
  },
  responses: {
    200: jsonContent(CustomersAnswer, "Matching customers"),
    422: errorContent("No usable query"),
  },
});

export const customerOrders = createRoute({
  method: "get",
  path: "/demo/orders/customers/{customerId}/orders",
  tags,
  request: {
    params: z.object({
      customerId: z.string().openapi({ param: { name: "customerId", in: "path" } }),
    }),
  },
  responses: { 200: jsonContent(OrdersAnswer, "The customer's orders") },
});

export const order = createRoute({
  method: "get",
  path: "/demo/orders/orders/{orderId}",
  tags,
  request: {
    params: z.object({ orderId: z.string().openapi({ param: { name: "orderId", in: "path" } }) }),
  },
  responses: { 200: jsonContent(Order, "The order"), 404: errorContent("No such order") },
});

export type CustomersRoute = typeof customers;
export type CustomerOrdersRoute = typeof customerOrders;
export type OrderRoute = typeof order;
