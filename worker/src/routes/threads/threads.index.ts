import { createRouter } from "../../lib/create-app";
import * as handlers from "./threads.handlers";
import * as routes from "./threads.routes";

const router = createRouter().openapi(routes.events, handlers.events);

export default router;
