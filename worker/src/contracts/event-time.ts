import { z } from "@hono/zod-openapi";

/**
 * How far a sender's clock may run ahead of ours: the same window a Zendesk signature's timestamp
 * is allowed. An event dated later than that would sort after everything that really comes next.
 */
export const CLOCK_SKEW_SECONDS = 300;

/** No support event predates this: an earlier time is a zero or a unit mistake, not history. */
export const EVENT_TIME_FLOOR = "2000-01-01T00:00:00Z";

/** Why an event time is refused, or null when it is within bounds. */
export function eventTimeProblem(iso: string, nowMs = Date.now()): string | null {
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return "is not a time";
  if (at > nowMs + CLOCK_SKEW_SECONDS * 1000)
    return `is more than ${CLOCK_SKEW_SECONDS} seconds in the future`;
  if (at < Date.parse(EVENT_TIME_FLOOR)) return `is before ${EVENT_TIME_FLOOR}`;
  return null;
}

/** An ISO 8601 time with its offset, within the bounds an event's time may have. */
export const eventTime = () =>
  z.iso.datetime({ offset: true }).superRefine((value, ctx) => {
    const problem = eventTimeProblem(value);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });
