/**
 * `npm run dev:worker -- --port <port> --persist-to <dir>` (DESIGN §10): apply the D1 migrations
 * and run the Worker alone on 127.0.0.1, offline. OPERATOR_TOKEN and SECRETS_KEY come from the
 * environment when both are set, else from .dev.vars. The scheduled handler fires every minute, as
 * the cron trigger does once deployed.
 */
import path from "node:path";
import { argValue, ROOT, workerSecrets } from "./lib/local-env";
import { startLocalCron } from "./lib/local-cron";
import { applyMigrations, startWorker, stopOnExit, waitForHealth } from "./lib/worker-process";

const args = process.argv.slice(2);
const port = Number(argValue(args, "--port") ?? 8787);
const persistTo = path.resolve(
  argValue(args, "--persist-to") ?? path.join(ROOT, ".wrangler", "state"),
);

applyMigrations(persistTo);
const child = startWorker({ port, persistTo, secrets: workerSecrets() });
stopOnExit(child);
child.on("exit", (code) => process.exit(code ?? 0));
const workerUrl = `http://127.0.0.1:${port}`;
void waitForHealth(workerUrl).then(() => {
  startLocalCron(workerUrl, 60_000, (ok) =>
    console.log(
      ok
        ? `Continuity Worker on ${workerUrl}; the cron (sweep and retention) ran and fires every minute.`
        : `Continuity Worker on ${workerUrl}; the cron did not run (see the Worker's log above).`,
    ),
  );
});
