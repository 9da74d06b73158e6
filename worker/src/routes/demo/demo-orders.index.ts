import { createRouter } from "../../lib/create-app";
import * as handlers from "./demo-orders.handlers";
import * as routes from "./demo-orders.routes";

const router = createRouter()
  .openapi(routes.customers, handlers.customers)
  .openapi(routes.customerOrders, handlers.customerOrders)
  .openapi(routes.order, handlers.order);

export default router;
