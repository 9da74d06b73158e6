import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-pool-workers";
import { createServer } from "node:net";
import path from "node:path";
import { defineConfig } from "vitest/config";

/** A port free now, for the Zendesk stand-in the global setup starts on it. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export default defineConfig(async () => {
  const migrations = await readD1Migrations(path.join(import.meta.dirname, "migrations"));
  // Connecting an account reaches Zendesk before any tenant names a base URL, so the Worker is
  // told where accounts live (each subdomain is a space of the stand-in); the port is fixed here
  // because the bindings are, and the global setup starts the stand-in on it.
  const zendeskPort = await freePort();
  process.env.CONTINUITY_ZENDESK_STANDIN_PORT = String(zendeskPort);
  return {
    plugins: [
      cloudflareTest({
        wrangler: { configPath: "../wrangler.toml" },
        // Workers AI has no local simulation; tests inject a model instead.
        remoteBindings: false,
        miniflare: {
          bindings: {
            TEST_MIGRATIONS: migrations,
            OPERATOR_TOKEN: "test-operator-token",
            SECRETS_KEY: "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=",
            RETRY_BASE_SECONDS: "0",
            OUTBOUND_TIMEOUT_MS: "800",
            ZENDESK_CLIENT_ID: "continuity_test",
            ZENDESK_CLIENT_SECRET: "test-oauth-client-secret",
            ZENDESK_ACCOUNT_URL: `http://127.0.0.1:${zendeskPort}/s/{subdomain}`,
          },
        },
      }),
    ],
    test: {
      name: "worker",
      // A test file spends most of its time loading the Worker into a fresh isolate, waiting on
      // module fetches more than on the CPU: four at a time finish sooner than two on two cores.
      maxWorkers: 4,
      sequence: { groupOrder: 2 },
      include: ["test/worker/**/*.test.ts"],
      globalSetup: ["../scripts/standins/global-setup.ts"],
      // Each file loads the Worker into a fresh isolate module by module; dependencies bundled
      // once each load as one module instead of hundreds, which halves a file's start.
      deps: {
        optimizer: {
          ssr: {
            enabled: true,
            include: [
              "@hono/zod-openapi",
              "hono",
              "zod",
              "libphonenumber-js",
              "ai",
              "@ai-sdk/openai-compatible",
              "workers-ai-provider",
              "parse5",
              "stemmer",
            ],
          },
        },
      },
    },
  };
});
