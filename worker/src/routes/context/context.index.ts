import { createRouter } from "../../lib/create-app";
import * as handlers from "./context.handlers";
import * as routes from "./context.routes";

const router = createRouter()
  .openapi(routes.ticketContext, handlers.ticketContext)
  .openapi(routes.sessionContext, handlers.sessionContext);

export default router;
