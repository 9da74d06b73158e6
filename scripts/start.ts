/**
 * `npm start`: the product on its embedded default, offline. The Worker on local workerd with
 * local D1/KV/Queues, the demo order system, the deterministic rules provider and a demo tenant;
 * stand-ins for Zendesk and Sunshine Conversations (so handoff notes are really "sent"); and the
 * local preview: a Support-like workspace hosting the built sidebar app, with a demo journey to
 * play.
 */
import path from "node:path";
import { loadDemoJourney } from "../app/preview/demo-journey";
import { startPreview } from "../app/preview/server";
import { AdminClient } from "./lib/admin-client";
import { buildApp, PACKAGE_DIR } from "./lib/app-build";
import {
  DEMO_TENANT_FILE,
  ensureDemoTenant,
  keepDemoTenant,
  renewDemoTenant,
} from "./lib/demo-tenant";
import { argValue, ensureDevVars, ROOT } from "./lib/local-env";
import { startLocalCron } from "./lib/local-cron";
import { applyMigrations, startWorker, stopOnExit, waitForHealth } from "./lib/worker-process";
import { localOAuthVars, Standins } from "./standins/index";

async function main() {
  const args = process.argv.slice(2);
  const port = Number(argValue(args, "--port") ?? process.env.PORT ?? 8787);
  const previewPort = Number(argValue(args, "--preview-port") ?? process.env.PREVIEW_PORT ?? 4567);
  const persistTo = path.join(ROOT, ".wrangler", "state");
  const secrets = ensureDevVars();

  // The app builds while the Worker starts: both take a few seconds.
  const built = args.includes("--no-build")
    ? Promise.resolve(null)
    : buildApp({ quiet: true }).then(
        () => null,
        (error: unknown) => error as Error,
      );

  // The stand-ins first: the Worker's Connect is pointed at the Zendesk one, with a local client.
  const standins = new Standins();
  const standinUrls = await standins.start();
  applyMigrations(persistTo);
  const worker = startWorker({
    port,
    persistTo,
    secrets,
    quiet: true,
    vars: localOAuthVars(standinUrls),
  });
  stopOnExit(worker);
  worker.stderr?.on("data", (chunk: Buffer) => process.stderr.write(chunk));
  worker.on("exit", (code) => process.exit(code ?? 1));
  const workerUrl = `http://127.0.0.1:${port}`;
  await waitForHealth(workerUrl);
  startLocalCron(workerUrl);

  const admin = new AdminClient(workerUrl, secrets.OPERATOR_TOKEN);
  let demo = await ensureDemoTenant(admin);
  const buildError = await built;
  const preview = await startPreview({
    workerUrl,
    operatorToken: secrets.OPERATOR_TOKEN,
    standins: standinUrls,
    tenants: {
      load: async () => demo,
      renew: async () => (demo = await renewDemoTenant(admin)),
      keep: async (tenant) => {
        demo = tenant;
        keepDemoTenant(tenant);
      },
    },
    demo: loadDemoJourney(),
    appDir: PACKAGE_DIR,
    port: previewPort,
  });

  console.log(
    [
      "",
      "Continuity is running locally, offline.",
      "",
      `  Preview       ${preview.url}   ← open this: a Support workspace with the sidebar app`,
      `  Worker        ${workerUrl}`,
      `  API document  ${workerUrl}/openapi.json`,
      `  Web chat      ${workerUrl}/chat/${preview.session().tenant.tenantId}   ← chat as a customer`,
      `  Demo orders   ${workerUrl}/demo/orders/customers?email=maya.ortiz@example.com`,
      `  Demo tenant   ${preview.session().tenant.tenantId}  (secrets in ${path.relative(ROOT, DEMO_TENANT_FILE)})`,
      `  Stand-ins     Zendesk ${standinUrls.zendesk}, Sunshine Conversations ${standinUrls.sunco}`,
      "  Cron          every minute: re-queues what a crash left behind, enforces retention",
      "",
      "  In the preview, press “Play” to send the demo journey (chat, email, call) to the Worker",
      "  and work the tickets from the sidebar. Play the admin: open Continuity in the nav bar,",
      "  then Setup → Connect, and approve in the Zendesk stand-in's consent window.",
      `  Play the test journeys:  npm run journeys -- worker/test/journeys`,
      `  Read a ticket's context: curl -H "authorization: Bearer <app secret>" ${workerUrl}/v1/tickets/<id>/context`,
      "",
      ...(buildError
        ? [
            `  ! The sidebar app did not build, so the preview has no app: ${buildError.message}`,
            "",
          ]
        : []),
      "Ctrl-C stops everything.",
      "",
    ].join("\n"),
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
