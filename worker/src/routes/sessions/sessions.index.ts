import { createRouter } from "../../lib/create-app";
import * as handlers from "./sessions.handlers";
import * as routes from "./sessions.routes";

const router = createRouter()
  .openapi(routes.issueToken, handlers.issueToken)
  .openapi(routes.attach, handlers.attach);

export default router;
