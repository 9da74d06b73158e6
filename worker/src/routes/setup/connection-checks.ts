import { HttpOrderSystem } from "../../connectors/orders";
import type { CallCheck } from "../../domain/setup-checklist";
import type { Env } from "../../env";
import type { TenantConfig } from "../../tenancy/tenant-config";

/** A test call answers within this, so the setup page never waits long on a dead host. */
const CHECK_TIMEOUT_MS = 4_000;

/** An address no customer has: the order system answers "none" if it is reachable and speaks §8. */
const PROBE_EMAIL = "continuity-check@example.invalid";

function timed(fetcher: typeof fetch): typeof fetch {
  return (input, init) =>
    fetcher(input, { ...init, signal: AbortSignal.timeout(CHECK_TIMEOUT_MS) });
}

/** The failure as a person reads it; never the URL's query or a credential, only what failed. */
function reasonOf(error: unknown): string {
  if (error instanceof Error) {
    if (error.name === "TimeoutError" || error.name === "AbortError")
      return `no answer within ${CHECK_TIMEOUT_MS / 1000} s`;
    return error.message.slice(0, 300);
  }
  return "failed";
}

async function measure(work: () => Promise<string | null>): Promise<CallCheck> {
  const started = Date.now();
  try {
    const problem = await work();
    return { ok: problem === null, ms: Date.now() - started, reason: problem };
  } catch (error) {
    return { ok: false, ms: Date.now() - started, reason: reasonOf(error) };
  }
}

/** The order system answers a customer lookup (DESIGN §8) in its contract's shape. */
export function checkOrders(config: TenantConfig["orders"], fetcher: typeof fetch = fetch) {
  return measure(async () => {
    if (config.kind === "none") return "no order system is set";
    if (config.kind === "demo") return null;
    const orders = new HttpOrderSystem(config.baseUrl, config.token, timed(fetcher));
    await orders.customersByEmail(PROBE_EMAIL);
    return null;
  });
}

/** The AI provider answers: the rules need no call, Workers AI needs its binding, others `/models`. */
export function checkAi(config: TenantConfig["ai"], env: Env, fetcher: typeof fetch = fetch) {
  return measure(async () => {
    if (config.provider === "rules") return null;
    if (config.provider === "workers-ai") return env.AI ? null : "this Worker has no AI binding";
    const response = await timed(fetcher)(`${config.baseUrl.replace(/\/+$/, "")}/models`, {
      headers: config.apiKey ? { authorization: `Bearer ${config.apiKey}` } : {},
    });
    await response.body?.cancel();
    if (response.ok) return null;
    return `the provider answered ${response.status}${response.status === 401 ? " (the API key was refused)" : ""}`;
  });
}
