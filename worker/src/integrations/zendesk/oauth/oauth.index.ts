import { createRouter } from "../../../lib/create-app";
import type { Env } from "../../../env";
import type { AccountRecords } from "../../ports";
import { oauthHandlers } from "./oauth.handlers";
import * as routes from "./oauth.routes";

/**
 * Connecting a Zendesk account with OAuth. The Worker's records come in through the
 * `AccountRecords` port (the registry is handed them by app.ts), so this folder never reaches D1.
 */
export function zendeskAccountRouter(records: (env: Env) => AccountRecords) {
  const handlers = oauthHandlers(records);
  return createRouter()
    .openapi(routes.start, handlers.start)
    .openapi(routes.callback, handlers.callback);
}
