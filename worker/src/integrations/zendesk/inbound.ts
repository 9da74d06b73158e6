import { invalid } from "../../lib/problem";
import type { InboundChannel } from "../ports";
import { enrichFromZendesk } from "./enrich";
import { fromZendeskEvent, fromZendeskTrigger } from "./map";
import { verifyZendesk } from "./verify";
import { ZendeskEventWebhook, ZendeskTriggerWebhook } from "./webhook";

type ZendeskBody =
  { kind: "trigger"; body: ZendeskTriggerWebhook } | { kind: "event"; body: ZendeskEventWebhook };

/** The trigger template marks itself; everything else is an event-subscription delivery. */
function isTrigger(body: unknown): boolean {
  return typeof body === "object" && body !== null && "continuity_trigger" in body;
}

/** Zendesk event-subscription and trigger webhooks. */
export const zendeskInbound: InboundChannel<ZendeskBody> = {
  name: "zendesk",
  verify: verifyZendesk,
  parse(body) {
    const trigger = isTrigger(body);
    const parsed = (trigger ? ZendeskTriggerWebhook : ZendeskEventWebhook).safeParse(body);
    if (!parsed.success) throw invalid(parsed.error, "body");
    return trigger
      ? { kind: "trigger", body: parsed.data as ZendeskTriggerWebhook }
      : { kind: "event", body: parsed.data as ZendeskEventWebhook };
  },
  map(parsed) {
    const mapping =
      parsed.kind === "trigger" ? fromZendeskTrigger(parsed.body) : fromZendeskEvent(parsed.body);
    if (mapping.kind === "invalid") throw invalid({ issues: mapping.issues }, "body");
    if (mapping.kind === "ignored") return { events: [], ignored: 1 };
    return { events: [mapping.event], ignored: 0 };
  },
  documents: { ZendeskEventWebhook, ZendeskTriggerWebhook },
  enrich: enrichFromZendesk,
};
