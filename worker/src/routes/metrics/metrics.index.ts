import { createRouter } from "../../lib/create-app";
import * as handlers from "./metrics.handlers";
import * as routes from "./metrics.routes";

const router = createRouter()
  .openapi(routes.report, handlers.report)
  .openapi(routes.knowledge, handlers.knowledge);

export default router;
