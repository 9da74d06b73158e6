import type { Context } from "hono";
import type { GenericChannelEvent } from "../../contracts/channel-event";
import { WEB_CHAT_SOURCE } from "../../domain/web-chat";
import { inbound } from "../../integrations/registry";
import type { AppBindings } from "../../lib/types";
import type { LoadedTenant } from "../../tenancy/tenants";
import { claimAndQueue } from "../inbound/accept";

/**
 * Into the thread the way every generic channel event goes: the generic channel's own checks and
 * mapping, then the same claim (dedupe by id), copy and queue. Only the source differs, so replies
 * find their way back to the page (integrations/webchat).
 */
export async function takeInFromTheChatPage(
  c: Context<AppBindings>,
  tenant: LoadedTenant,
  body: GenericChannelEvent,
  /** A person writing from the sidebar: the first name the customer is shown with it. */
  writer?: string,
) {
  const { events } = inbound.channel.map(body, tenant.config);
  const fresh = await claimAndQueue(
    c,
    events.map((event) => ({
      ...event,
      source: WEB_CHAT_SOURCE,
      ...(writer && event.message && { message: { ...event.message, writer } }),
    })),
  );
  return { accepted: fresh.length, duplicates: events.length - fresh.length };
}
