import type { ChannelEvent } from "../../domain/channel-event";
import { invalid } from "../../lib/problem";
import type { InboundChannel } from "../ports";
import { fromSuncoEvent } from "./map";
import { verifySunco } from "./verify";
import { SuncoWebhook } from "./webhook";

/** Sunshine Conversations v2 webhooks: several events may arrive in one delivery. */
export const suncoInbound: InboundChannel<SuncoWebhook> = {
  name: "sunco",
  verify: verifySunco,
  parse(body) {
    const parsed = SuncoWebhook.safeParse(body);
    if (!parsed.success) throw invalid(parsed.error, "body");
    return parsed.data;
  },
  map(body) {
    const events: ChannelEvent[] = [];
    let ignored = 0;
    for (const [i, event] of body.events.entries()) {
      const mapping = fromSuncoEvent(event);
      // One bad event rejects the delivery: storing part of it would make the retry ambiguous.
      if (mapping.kind === "invalid")
        throw invalid(
          {
            issues: mapping.issues.map((issue) => ({
              ...issue,
              path: ["events", i, ...issue.path],
            })),
          },
          "body",
        );
      if (mapping.kind === "ignored") ignored++;
      else events.push(mapping.event);
    }
    return { events, ignored };
  },
  documents: { SuncoWebhook },
};
