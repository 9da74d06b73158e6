import { createRouter } from "../../lib/create-app";
import * as handlers from "./governance.handlers";
import * as routes from "./governance.routes";

const router = createRouter()
  .openapi(routes.erase, handlers.erase)
  .openapi(routes.erasures, handlers.erasures)
  .openapi(routes.auditExport, handlers.auditExport)
  .openapi(routes.runRetention, handlers.runRetention);

export default router;
