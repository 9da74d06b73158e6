import { CLOCK_SKEW_SECONDS } from "../../contracts/event-time";
import { GenericChannelEventSchema, type GenericChannelEvent } from "../../contracts/channel-event";
import { normalizeIdentifier } from "../../domain/identifiers";
import { ApiError, invalid } from "../../lib/problem";
import type { InboundChannel } from "../ports";
import { fromGenericEvent } from "./map";
import { verifyChannel } from "./verify";

/** Events from any other channel (own IVR, own web chat, a CRM), in Continuity's own format. */
export const genericInbound: InboundChannel<GenericChannelEvent> = {
  name: "channel",
  verify: verifyChannel,
  parse(body) {
    const parsed = GenericChannelEventSchema.safeParse(body);
    if (!parsed.success) throw invalid(parsed.error, "body");
    return parsed.data;
  },
  map(body, tenant) {
    const country = tenant.policy.defaultCountry;
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
    return { events: [fromGenericEvent(body)], ignored: 0 };
  },
};
