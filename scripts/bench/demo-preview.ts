import { loadDemoJourney } from "../../app/preview/demo-journey";
import { startPreview, type Preview } from "../../app/preview/server";
import type { DemoTenant } from "../lib/demo-tenant";
import type { LocalStack } from "../lib/local-stack";

/** The preview host on the bench's local stack, for one demo tenant, with the demo journey. */
export function startDemoPreview(
  stack: LocalStack,
  tenant: DemoTenant,
  appDir: string,
): Promise<Preview> {
  return startPreview({
    workerUrl: stack.workerUrl,
    operatorToken: stack.operatorToken,
    standins: stack.standins,
    tenants: { load: async () => tenant, renew: async () => tenant },
    demo: loadDemoJourney(),
    appDir,
  });
}
