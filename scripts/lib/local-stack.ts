import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { localOAuthVars, Standins, type StandinUrls } from "../standins/index";
import { randomSecrets, workerSecrets } from "./local-env";
import { applyMigrations, startWorker, stopOnExit, waitForHealth } from "./worker-process";

export interface LocalStack {
  workerUrl: string;
  operatorToken: string;
  standins: StandinUrls;
  workerLog: () => string;
  /** The Worker's process group (wrangler and workerd), for tests that pause it; null if not ours. */
  workerGroup: number | null;
  stop: () => Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * A fresh local Worker on workerd (its own database in a temporary folder) and the vendor
 * stand-ins on loopback; or, with `workerUrl`, the stand-ins next to a Worker already running.
 */
export async function startLocalStack(workerUrl?: string): Promise<LocalStack> {
  const standins = new Standins();
  const urls = await standins.start();
  if (workerUrl) {
    return {
      workerUrl,
      operatorToken: workerSecrets().OPERATOR_TOKEN,
      standins: urls,
      workerLog: () => "",
      workerGroup: null,
      stop: () => standins.stop(),
    };
  }
  const secrets = randomSecrets();
  const persist = mkdtempSync(path.join(tmpdir(), "continuity-local-"));
  applyMigrations(persist);
  const port = await freePort();
  // Its own process group, so that a test can pause wrangler and workerd together.
  const child = startWorker({
    port,
    persistTo: persist,
    secrets,
    quiet: true,
    group: true,
    vars: localOAuthVars(urls),
  });
  let log = "";
  child.stdout?.on("data", (chunk: Buffer) => (log += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (log += chunk.toString()));
  stopOnExit(child);
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitForHealth(url);
  } catch (error) {
    console.error(log);
    throw error;
  }
  return {
    workerUrl: url,
    operatorToken: secrets.OPERATOR_TOKEN,
    standins: urls,
    workerLog: () => log,
    workerGroup: child.pid ?? null,
    stop: async () => {
      try {
        process.kill(-child.pid!, "SIGCONT");
        process.kill(-child.pid!, "SIGTERM");
      } catch {
        child.kill("SIGTERM");
      }
      await standins.stop();
      rmSync(persist, { recursive: true, force: true });
    },
  };
}
