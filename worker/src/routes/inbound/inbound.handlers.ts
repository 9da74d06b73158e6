import { CLOCK_SKEW_SECONDS } from "../../contracts/event-time";
import { fromGenericEvent } from "../../channels/generic";
import { fromSuncoEvent } from "../../channels/sunco";
import { fromZendeskEvent, fromZendeskTrigger, type ZendeskMapping } from "../../channels/zendesk";
import { SuncoWebhook } from "../../contracts/sunco-webhook";
import { ZendeskEventWebhook, ZendeskTriggerWebhook } from "../../contracts/zendesk-webhook";
import type { ChannelEvent } from "../../domain/channel-event";
import { normalizeIdentifier } from "../../domain/identifiers";
import { ApiError, invalid } from "../../lib/problem";
import type { AppRouteHandler } from "../../lib/types";
import { acceptEvents, parseJson } from "./accept";
import type { ChannelRoute, SuncoRoute, ZendeskRoute } from "./inbound.routes";

function isTrigger(body: unknown): boolean {
  return typeof body === "object" && body !== null && "continuity_trigger" in body;
}

export const zendesk: AppRouteHandler<ZendeskRoute> = async (c) => {
  const body = parseJson(c.get("rawBody"));
  let mapping: ZendeskMapping;
  if (isTrigger(body)) {
    const parsed = ZendeskTriggerWebhook.safeParse(body);
    if (!parsed.success) throw invalid(parsed.error, "body");
    mapping = fromZendeskTrigger(parsed.data);
  } else {
    const parsed = ZendeskEventWebhook.safeParse(body);
    if (!parsed.success) throw invalid(parsed.error, "body");
    mapping = fromZendeskEvent(parsed.data);
  }
  if (mapping.kind === "invalid") throw invalid({ issues: mapping.issues }, "body");
  if (mapping.kind === "ignored") return c.json({ accepted: 0, duplicates: 0, ignored: 1 }, 200);
  return acceptEvents(c, [mapping.event], 0);
};

export const sunco: AppRouteHandler<SuncoRoute> = async (c) => {
  const parsed = SuncoWebhook.safeParse(parseJson(c.get("rawBody")));
  if (!parsed.success) throw invalid(parsed.error, "body");
  const events: ChannelEvent[] = [];
  let ignored = 0;
  for (const [i, event] of parsed.data.events.entries()) {
    const mapping = fromSuncoEvent(event);
    // One bad event rejects the delivery: storing part of it would make the retry ambiguous.
    if (mapping.kind === "invalid")
      throw invalid(
        {
          issues: mapping.issues.map((issue) => ({ ...issue, path: ["events", i, ...issue.path] })),
        },
        "body",
      );
    if (mapping.kind === "ignored") ignored++;
    else events.push(mapping.event);
  }
  return acceptEvents(c, events, ignored);
};

export const channel: AppRouteHandler<ChannelRoute> = async (c) => {
  const body = c.req.valid("json");
  const country = c.get("tenant").config.policy.defaultCountry;
  const issues = body.identifiers.flatMap((identifier, i) => {
    const result = normalizeIdentifier(identifier, country);
    return result.ok
      ? []
      : [{ path: `identifiers[${i}].value`, message: `${identifier.type} ${result.reason}` }];
  });
  // A verification reported as passing in the future would keep a contact "high" until then.
  if (
    body.verification &&
    Date.parse(body.verification.passedAt) > Date.now() + CLOCK_SKEW_SECONDS * 1000
  ) {
    issues.push({ path: "verification.passedAt", message: "is in the future" });
  }
  if (issues.length > 0) {
    throw new ApiError(
      422,
      "invalid_body",
      `The body is not valid (${issues[0]!.path}: ${issues[0]!.message})`,
      issues,
    );
  }
  return acceptEvents(c, [fromGenericEvent(body)], 0);
};
