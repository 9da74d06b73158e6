import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, it } from "vitest";
import { offlineWranglerEnv, randomSecrets, ROOT } from "../../../scripts/lib/local-env";
import { freePort } from "../../../scripts/lib/local-stack";

/**
 * `wrangler dev` fires no cron; `npm run dev:worker` (and `npm start`, through the same
 * startLocalCron) fires the scheduled handler itself: once at start, then every minute.
 */
it("npm run dev:worker fires the scheduled handler and says so", async () => {
  const persistTo = mkdtempSync(path.join(tmpdir(), "continuity-cron-"));
  const port = await freePort();
  const child = spawn(
    "npx",
    ["tsx", "scripts/dev-worker.ts", "--port", String(port), "--persist-to", persistTo],
    { cwd: ROOT, env: { ...offlineWranglerEnv(), ...randomSecrets() }, detached: true },
  );
  let log = "";
  child.stdout.on("data", (chunk: Buffer) => (log += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (log += chunk.toString()));
  try {
    // eslint-disable-next-line no-control-regex
    const plain = () => log.replace(/\u001b\[[0-9;]*m/g, "");
    const fired = /the cron \(sweep and retention\) ran and fires every minute/;
    const deadline = Date.now() + 90_000;
    while (!fired.test(plain())) {
      if (Date.now() > deadline) throw new Error(`no scheduled run within 90 s:\n${plain()}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(plain()).toMatch(fired);
  } finally {
    process.kill(-child.pid!, "SIGKILL");
    rmSync(persistTo, { recursive: true, force: true });
  }
}, 120_000);
