import type { Context } from "hono";
import { inbound } from "../../integrations/registry";
import type { InboundChannel } from "../../integrations/ports";
import type { AppBindings, AppRouteHandler } from "../../lib/types";
import { acceptEvents, parseJson } from "./accept";
import type { ChannelRoute, SuncoRoute, ZendeskRoute } from "./inbound.routes";

/** Verified before this runs (the route's middleware): parse, map, claim and queue. */
async function receive<Body>(c: Context<AppBindings>, channel: InboundChannel<Body>, body: Body) {
  const { events, ignored } = channel.map(body, c.get("tenant").config);
  if (events.length === 0) return c.json({ accepted: 0, duplicates: 0, ignored }, 200);
  return acceptEvents(c, events, ignored);
}

const rawBody = (c: Context<AppBindings>) => parseJson(c.get("rawBody"));

export const zendesk: AppRouteHandler<ZendeskRoute> = (c) =>
  receive(c, inbound.zendesk, inbound.zendesk.parse(rawBody(c)));

export const sunco: AppRouteHandler<SuncoRoute> = (c) =>
  receive(c, inbound.sunco, inbound.sunco.parse(rawBody(c)));

// The framework has parsed this body already: it is Continuity's own contract, documented inline.
export const channel: AppRouteHandler<ChannelRoute> = (c) =>
  receive(c, inbound.channel, c.req.valid("json"));
