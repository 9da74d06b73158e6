import type { D1Migration } from "cloudflare:test";
import type { WorkerSettings } from "../../src/env";
import type * as WorkerModule from "../../src/index";

declare global {
  namespace Cloudflare {
    // The bindings come from worker-configuration.d.ts (wrangler types); the tests add the rest.
    interface Env extends WorkerSettings {
      TEST_MIGRATIONS: D1Migration[];
    }
    interface GlobalProps {
      mainModule: typeof WorkerModule;
    }
  }
}

declare module "vitest" {
  export interface ProvidedContext {
    standins: { zendesk: string; sunco: string; orders: string; chat: string };
  }
}
