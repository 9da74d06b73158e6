import { createRouter } from "../../lib/create-app";
import * as handlers from "./setup.handlers";
import * as routes from "./setup.routes";

/** The admin's setup page: the checklist, the settings forms and their test calls. */
const router = createRouter()
  .openapi(routes.health, handlers.health)
  .openapi(routes.putSettings, handlers.putSettings)
  .openapi(routes.runCheck, handlers.runCheck)
  .openapi(routes.collectSession, handlers.collectSession);

export default router;
