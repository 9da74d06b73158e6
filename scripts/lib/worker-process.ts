import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { offlineWranglerEnv, ROOT, type WorkerSecrets } from "./local-env";

const WRANGLER = path.join(ROOT, "node_modules", ".bin", "wrangler");

export interface WorkerOptions {
  port: number;
  persistTo: string;
  secrets: WorkerSecrets;
  /** Where wrangler's output goes; default: inherit. */
  quiet?: boolean;
  /** Another wrangler config (the benchmark's seeder and floor). */
  config?: string;
  /** Extra Worker variables (the fault test's short lease). */
  vars?: Record<string, string>;
  /** Own process group, so `killWorker` takes workerd down with wrangler at once. */
  group?: boolean;
}

/** Apply the D1 migrations to the local database in `persistTo`. */
export function applyMigrations(persistTo: string): void {
  const result = spawnSync(
    WRANGLER,
    ["d1", "migrations", "apply", "DB", "--local", "--persist-to", persistTo],
    {
      cwd: ROOT,
      env: offlineWranglerEnv(),
      encoding: "utf8",
    },
  );
  if (result.status !== 0)
    throw new Error(`D1 migrations failed:\n${result.stdout}\n${result.stderr}`);
}

/**
 * Run the Worker on local workerd. Secrets go in through an env file inside the persistence
 * folder (mode 0600) rather than the command line, where any local user could read them.
 */
export function startWorker(options: WorkerOptions): ChildProcess {
  mkdirSync(options.persistTo, { recursive: true });
  const envFile = path.join(options.persistTo, ".worker-secrets.env");
  const vars = { ...options.secrets, ...options.vars };
  writeFileSync(
    envFile,
    Object.entries(vars)
      .map(([name, value]) => `${name}=${value}\n`)
      .join(""),
    { mode: 0o600 },
  );
  return spawn(
    WRANGLER,
    [
      "dev",
      ...(options.config ? ["--config", options.config] : []),
      "--port",
      String(options.port),
      "--ip",
      "127.0.0.1",
      "--persist-to",
      options.persistTo,
      "--env-file",
      envFile,
      "--show-interactive-dev-session=false",
      "--local",
      "--log-level",
      options.quiet ? "warn" : "info",
    ],
    {
      cwd: ROOT,
      env: offlineWranglerEnv(),
      stdio: options.quiet ? ["ignore", "pipe", "pipe"] : "inherit",
      detached: options.group ?? false,
    },
  );
}

/** Kill wrangler and its workerd at once, mid-instruction, as a power cut would. */
export function killWorker(child: ChildProcess): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, "SIGKILL");
  } catch {
    child.kill("SIGKILL");
  }
}

export async function waitForHealth(url: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`${url}/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`the Worker did not answer on ${url} within ${timeoutMs / 1000}s`);
}

export function stopOnExit(child: ChildProcess): void {
  const stop = () => {
    if (!child.killed) child.kill("SIGTERM");
  };
  process.on("exit", stop);
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      stop();
      process.exit(130);
    });
  }
}
