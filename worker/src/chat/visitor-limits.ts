import { ApiError } from "../lib/problem";

/** The limiters count per minute (wrangler.toml `[[ratelimits]]`). */
const PERIOD_SECONDS = 60;

const REFUSALS = {
  openings: {
    code: "too_many_chats",
    message: `This address opened too many chats in the last minute; try again in ${PERIOD_SECONDS} s`,
  },
  messages: {
    code: "too_many_messages",
    message: `This chat sent too many messages in the last minute; try again in ${PERIOD_SECONDS} s`,
  },
} as const;

/**
 * Refuses, before anything is stored, what goes past the tenant's share: an open chat and each
 * message cost a thread, an agent run and a model call, and an anonymous visitor proves nothing to
 * start one. The key always names the tenant, so one tenant's flood never closes another's chat.
 */
export async function holdBackVisitor(
  limiter: RateLimit,
  what: keyof typeof REFUSALS,
  tenantId: string,
  key: string,
): Promise<void> {
  const { success } = await limiter.limit({ key: `${tenantId}:${key}` });
  if (success) return;
  const { code, message } = REFUSALS[what];
  throw new ApiError(429, code, message, undefined, { "Retry-After": String(PERIOD_SECONDS) });
}

/** Where the visitor connects from: Cloudflare sets this header and no client can. */
export function visitorAddress(header: string | undefined): string {
  return header?.trim() || "unknown";
}
