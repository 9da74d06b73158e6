import { createRouter } from "../../lib/create-app";
import * as handlers from "./chat.handlers";
import * as routes from "./chat.routes";

const router = createRouter()
  .openapi(routes.script, handlers.script)
  .openapi(routes.styles, handlers.styles)
  .openapi(routes.page, handlers.page)
  .openapi(routes.openSession, handlers.openSession)
  .openapi(routes.identify, handlers.identify)
  .openapi(routes.sendMessage, handlers.sendMessage)
  .openapi(routes.issueToken, handlers.issueToken);

export default router;
