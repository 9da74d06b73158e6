import { useEffect, useState } from "react";

/**
 * Whole minutes since `since`, kept current while shown; null without a time. Ticks every 15 s:
 * a reminder counted in minutes needs no finer clock.
 */
export function useMinutesSince(since: string | null): number | null {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!since) return;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 15_000);
    return () => clearInterval(timer);
  }, [since]);
  if (!since) return null;
  const at = Date.parse(since);
  return Number.isNaN(at) ? null : Math.max(0, Math.floor((now - at) / 60_000));
}
