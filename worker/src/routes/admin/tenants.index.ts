import { createRouter } from "../../lib/create-app";
import * as handlers from "./tenants.handlers";
import * as routes from "./tenants.routes";
import * as roundTrips from "./round-trips.routes";
import * as roundTripHandlers from "./round-trips.handlers";

const router = createRouter()
  .openapi(routes.create, handlers.create)
  .openapi(routes.getSettings, handlers.getSettings)
  .openapi(routes.putSettings, handlers.putSettings)
  .openapi(routes.rotateSecret, handlers.rotateSecret)
  .openapi(routes.backlog, handlers.backlog)
  .openapi(routes.failedDeliveries, handlers.failedDeliveries)
  .openapi(routes.replayDeliveries, handlers.replayDeliveries)
  .openapi(routes.outbox, handlers.outbox)
  .openapi(routes.replayOutbox, handlers.replayOutbox)
  .openapi(roundTrips.tallies, roundTripHandlers.tallies);

export default router;
