/**
 * `npm start`: the product on its embedded default, offline. The Worker on local workerd with
 * local D1/KV/Queues, the demo order system, the deterministic rules provider, and a demo tenant.
 */
import path from "node:path";
import { AdminClient } from "./lib/admin-client";
import { DEMO_TENANT_FILE, ensureDemoTenant } from "./lib/demo-tenant";
import { argValue, ensureDevVars, ROOT } from "./lib/local-env";
import { applyMigrations, startWorker, stopOnExit, waitForHealth } from "./lib/worker-process";

async function main() {
  const args = process.argv.slice(2);
  const port = Number(argValue(args, "--port") ?? process.env.PORT ?? 8787);
  const persistTo = path.join(ROOT, ".wrangler", "state");
  const secrets = ensureDevVars();

  applyMigrations(persistTo);
  const worker = startWorker({ port, persistTo, secrets, quiet: true });
  stopOnExit(worker);
  worker.stderr?.on("data", (chunk: Buffer) => process.stderr.write(chunk));
  worker.on("exit", (code) => process.exit(code ?? 1));
  const workerUrl = `http://127.0.0.1:${port}`;
  await waitForHealth(workerUrl);

  const demo = await ensureDemoTenant(new AdminClient(workerUrl, secrets.OPERATOR_TOKEN));
  console.log(
    [
      "",
      "Continuity is running locally, offline.",
      "",
      `  Worker        ${workerUrl}`,
      `  API document  ${workerUrl}/openapi.json`,
      `  Demo orders   ${workerUrl}/demo/orders/customers?email=maya.ortiz@example.com`,
      `  Demo tenant   ${demo.tenantId}  (secrets in ${path.relative(ROOT, DEMO_TENANT_FILE)})`,
      "",
      `  Play the demo journeys:  npm run journeys -- worker/test/journeys`,
      `  Read a ticket's context: curl -H "authorization: Bearer <app secret>" ${workerUrl}/v1/tickets/<id>/context`,
      "",
      "Ctrl-C stops everything.",
      "",
    ].join("\n"),
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
