import { createRouter } from "../../lib/create-app";
import * as handlers from "./chat-messages.handlers";
import * as routes from "./chat-messages.routes";

const router = createRouter().openapi(routes.writeToChat, handlers.writeToChat);

export default router;
