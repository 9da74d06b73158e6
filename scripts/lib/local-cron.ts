/**
 * `wrangler dev` never fires cron triggers by itself. Locally, this fires the Worker's scheduled
 * handler the way the platform would (wrangler.toml: every minute), through the local-only
 * `/cdn-cgi/handler/scheduled` route, so the backstop sweep and retention run as they do deployed.
 */
export interface LocalCron {
  /** Fire once now; resolves when the handler has run. */
  fire: () => Promise<boolean>;
  stop: () => void;
}

export const LOCAL_CRON = "* * * * *";

export function startLocalCron(
  workerUrl: string,
  everyMs = 60_000,
  /** Told whether the first run, fired at start, succeeded. */
  onFirstRun?: (ok: boolean) => void,
): LocalCron {
  const fire = async () => {
    try {
      const response = await fetch(
        `${workerUrl}/cdn-cgi/handler/scheduled?cron=${encodeURIComponent(LOCAL_CRON)}&time=${Date.now()}`,
      );
      await response.arrayBuffer();
      return response.ok;
    } catch {
      // The Worker is restarting or gone; the next tick tries again.
      return false;
    }
  };
  // Once at start too: a Worker restarted after a crash recovers what it left without a wait.
  void fire().then((ok) => onFirstRun?.(ok));
  const timer = setInterval(() => void fire(), everyMs);
  timer.unref();
  return { fire, stop: () => clearInterval(timer) };
}
