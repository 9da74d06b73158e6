import { createRouter } from "../../lib/create-app";
import * as handlers from "./inbound.handlers";
import * as routes from "./inbound.routes";

const router = createRouter()
  .openapi(routes.zendesk, handlers.zendesk)
  .openapi(routes.sunco, handlers.sunco)
  .openapi(routes.channel, handlers.channel);

export default router;
