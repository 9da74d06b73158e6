import { demoOrderSystem } from "../../demo/demo-orders";
import { ApiError } from "../../lib/problem";
import type { AppRouteHandler } from "../../lib/types";
import type { CustomerOrdersRoute, CustomersRoute, OrderRoute } from "./demo-orders.routes";

export const customers: AppRouteHandler<CustomersRoute> = async (c) => {
  const { email, phone, name, zip } = c.req.valid("query");
  const system = demoOrderSystem();
  const found = email
    ? await system.customersByEmail(email)
    : phone
      ? await system.customersByPhone(phone)
      : await system.customersByNameZip(name!, zip!);
  return c.json({ customers: found }, 200);
};

export const customerOrders: AppRouteHandler<CustomerOrdersRoute> = async (c) => {
  return c.json({ orders: await demoOrderSystem().ordersOf(c.req.valid("param").customerId) }, 200);
};

export const order: AppRouteHandler<OrderRoute> = async (c) => {
  const found = await demoOrderSystem().order(c.req.valid("param").orderId);
  if (!found) throw new ApiError(404, "order_not_found", "No such order");
  return c.json(found, 200);
};
