import { createRouter } from "../../lib/create-app";
import * as handlers from "./transfers.handlers";
import * as routes from "./transfers.routes";

const router = createRouter().openapi(routes.transfer, handlers.transfer);

export default router;
