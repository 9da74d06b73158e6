import { createRouter } from "../../lib/create-app";
import * as handlers from "./threads.handlers";
import * as routes from "./threads.routes";

const router = createRouter()
  .openapi(routes.events, handlers.events)
  .openapi(routes.act, handlers.act)
  .openapi(routes.editSummary, handlers.editSummary)
  .openapi(routes.audit, handlers.audit)
  .openapi(routes.retryNote, handlers.retryNote);

export default router;
