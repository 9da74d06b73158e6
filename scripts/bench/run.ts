/**
 * `npm run bench`: benchmarks against the local Worker on workerd, reported as ratios against a
 * floor measured in the same run (a bare Worker doing one D1 insert or one indexed select).
 *
 *   ingest      signed generic channel events accepted per second, vs floor inserts per second
 *   context     p50/p99 of GET /v1/tickets/{id}/context, vs the floor's primary-key select
 *   scale       context p99 with 1M events stored, vs with 10k
 *
 * Seeded databases are cached in .bench/ (delete it to reseed). `--write` puts the figures into
 * docs/performance.md.
 */
import { createHmac, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { ChildProcess } from "node:child_process";
import { ROOT, randomSecrets, type WorkerSecrets } from "../lib/local-env";
import { applyMigrations, startWorker, waitForHealth } from "../lib/worker-process";
import { runLoad, type LoadResult } from "./load";

const BENCH = path.join(ROOT, ".bench");
const SEED_VERSION = 3;
const CONCURRENCY = 8;
const DURATION_MS = Number(process.env.BENCH_SECONDS ?? 10) * 1000;
const SCALES = [
  { name: "10k", threads: 1_000 },
  { name: "1M", threads: 100_000 },
] as const;

interface Seeded {
  version: number;
  tenantId: string;
  appSecret: string;
  threads: number;
  counts: Record<string, number>;
}

async function withWorker<T>(
  options: { port: number; persistTo: string; secrets: WorkerSecrets; config?: string },
  work: (url: string) => Promise<T>,
): Promise<T> {
  const child: ChildProcess = startWorker({ ...options, quiet: true });
  let log = "";
  child.stdout?.on("data", (c: Buffer) => (log += c.toString()));
  child.stderr?.on("data", (c: Buffer) => (log += c.toString()));
  const url = `http://127.0.0.1:${options.port}`;
  try {
    await waitForHealth(url).catch(async () => {
      // The seeder and floor have no /health; any answer means they are up.
      const deadline = Date.now() + 60_000;
      while (Date.now() < deadline) {
        if (
          await fetch(url).then(
            () => true,
            () => false,
          )
        )
          return;
        await new Promise((r) => setTimeout(r, 200));
      }
      throw new Error(`worker did not start:\n${log}`);
    });
    return await work(url);
  } finally {
    child.kill("SIGTERM");
    await new Promise((resolve) => child.once("exit", resolve));
  }
}

async function json<T>(response: Promise<Response>): Promise<T> {
  const r = await response;
  if (!r.ok) throw new Error(`${r.status} ${await r.text()}`);
  return (await r.json()) as T;
}

function loadSecrets(): WorkerSecrets {
  const file = path.join(BENCH, "secrets.json");
  if (existsSync(file)) return JSON.parse(readFileSync(file, "utf8")) as WorkerSecrets;
  const secrets = randomSecrets();
  mkdirSync(BENCH, { recursive: true });
  writeFileSync(file, JSON.stringify(secrets), { mode: 0o600 });
  return secrets;
}

async function ensureSeeded(
  scale: (typeof SCALES)[number],
  secrets: WorkerSecrets,
): Promise<Seeded> {
  const dir = path.join(BENCH, scale.name);
  const marker = path.join(dir, "seeded.json");
  if (existsSync(marker)) {
    const seeded = JSON.parse(readFileSync(marker, "utf8")) as Seeded;
    if (seeded.version === SEED_VERSION) return seeded;
  }
  rmSync(dir, { recursive: true, force: true });
  applyMigrations(dir);
  console.log(
    `seeding ${scale.name}: ${scale.threads} customers, ${scale.threads * 3} identities, ${scale.threads * 10} events…`,
  );
  const started = Date.now();
  const seeded = await withWorker(
    {
      port: 8795,
      persistTo: dir,
      secrets,
      config: path.join(ROOT, "scripts/bench/seeder.wrangler.toml"),
    },
    async (url) => {
      const { tenantId, appSecret } = await json<{ tenantId: string; appSecret: string }>(
        fetch(`${url}/tenant`, { method: "POST" }),
      );
      const chunk = 1000;
      for (let from = 0; from < scale.threads; from += chunk) {
        await json(
          fetch(
            `${url}/seed?tenant=${tenantId}&from=${from}&to=${Math.min(scale.threads, from + chunk)}`,
            { method: "POST" },
          ),
        );
        if ((from / chunk) % 10 === 9)
          console.log(`  ${from + chunk} threads (${Math.round((Date.now() - started) / 1000)} s)`);
      }
      const counts = await json<Record<string, number>>(fetch(`${url}/counts`));
      return { version: SEED_VERSION, tenantId, appSecret, threads: scale.threads, counts };
    },
  );
  writeFileSync(marker, JSON.stringify(seeded, null, 2));
  console.log(
    `  seeded in ${Math.round((Date.now() - started) / 1000)} s: ${JSON.stringify(seeded.counts)}`,
  );
  return seeded;
}

async function measureFloor(rows: number): Promise<{ insert: LoadResult; select: LoadResult }> {
  const dir = path.join(BENCH, "floor");
  const marker = path.join(dir, "seeded.json");
  const body = JSON.stringify(channelEvent(0));
  return withWorker(
    {
      port: 8796,
      persistTo: dir,
      secrets: randomSecrets(),
      config: path.join(ROOT, "scripts/bench/floor.wrangler.toml"),
    },
    async (url) => {
      if (!existsSync(marker) || JSON.parse(readFileSync(marker, "utf8")).rows !== rows) {
        console.log(`seeding the floor's table with ${rows} rows…`);
        for (let from = 0; from < rows; from += 20_000)
          await json(fetch(`${url}/setup?from=${from}&to=${Math.min(rows, from + 20_000)}`));
        writeFileSync(marker, JSON.stringify({ rows }));
      }
      const insert = await runLoad(
        { concurrency: CONCURRENCY, durationMs: DURATION_MS },
        () => fetch(url, { method: "POST", body }),
        (r) => r.status === 202,
      );
      const select = await runLoad(
        { concurrency: CONCURRENCY, durationMs: DURATION_MS },
        () => fetch(`${url}/?id=row-${Math.floor(Math.random() * rows)}`),
        (r) => r.ok,
      );
      return { insert, select };
    },
  );
}

function channelEvent(n: number) {
  const i = n % 100_000;
  return {
    id: `bench-${Date.now().toString(36)}-${n}-${randomBytes(3).toString("hex")}`,
    channel: "web_chat",
    occurredAt: new Date(Date.parse("2026-03-10T00:00:00Z") + n * 1000).toISOString(),
    sessionId: `WC-LOAD-${n}`,
    ticketId: String(5_000_000 + n),
    identifiers: [{ type: "email", value: `customer${i}@bench.example` }],
    message: { author: "customer", text: `Hi, about order #B${100000 + i}: it has not arrived.` },
  };
}

async function measureWorker(
  seeded: Seeded,
  scale: string,
  secrets: WorkerSecrets,
  withIngest: boolean,
) {
  const dir = path.join(BENCH, scale);
  return withWorker({ port: 8797, persistTo: dir, secrets }, async (url) => {
    const auth = { authorization: `Bearer ${seeded.appSecret}` };
    // Tickets of seeded threads: three per thread, ids from 1,000,000.
    const context = await runLoad(
      { concurrency: CONCURRENCY, durationMs: DURATION_MS },
      () =>
        fetch(
          `${url}/v1/tickets/${1_000_000 + Math.floor(Math.random() * seeded.threads * 3)}/context`,
          { headers: auth },
        ),
      (r) => r.ok,
    );
    if (!withIngest) return { context };
    const ingest = await runLoad(
      { concurrency: CONCURRENCY, durationMs: DURATION_MS },
      (n) => {
        const body = JSON.stringify(channelEvent(n));
        const signature = createHmac("sha256", seeded.appSecret).update(body).digest("hex");
        return fetch(`${url}/v1/channels/${seeded.tenantId}/events`, {
          method: "POST",
          headers: { "content-type": "application/json", "x-signature": signature },
          body,
        });
      },
      (r) => r.status === 202,
    );
    // How long the queue takes to process what was accepted (reported, not a target).
    const drainStart = performance.now();
    const operator = { authorization: `Bearer ${secrets.OPERATOR_TOKEN}` };
    for (;;) {
      const backlog = await json<{ settled: boolean; deliveries: { queued: number } }>(
        fetch(`${url}/v1/admin/tenants/${seeded.tenantId}/backlog`, { headers: operator }),
      );
      if (backlog.settled) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    const drainSeconds = (performance.now() - drainStart) / 1000;
    return { context, ingest, drainSeconds };
  });
}

const fmt = (n: number, digits = 1) => n.toFixed(digits);

async function main() {
  const secrets = loadSecrets();
  const seeded = {
    small: await ensureSeeded(SCALES[0], secrets),
    large: await ensureSeeded(SCALES[1], secrets),
  };
  const floor = await measureFloor(seeded.large.counts.thread_events ?? 1_000_000);
  const small = await measureWorker(seeded.small, "10k", secrets, false);
  const large = await measureWorker(seeded.large, "1M", secrets, true);
  const ingest = large.ingest!;

  const ingestRatio = ingest.perSecond / floor.insert.perSecond;
  const contextRatio = large.context.p99 / floor.select.p99;
  const scaleRatio = large.context.p99 / small.context.p99;
  const rows = [
    [
      "floor: D1 insert",
      `${fmt(floor.insert.perSecond, 0)}/s`,
      fmt(floor.insert.p50, 2),
      fmt(floor.insert.p99, 2),
      "",
    ],
    [
      "floor: indexed select",
      `${fmt(floor.select.perSecond, 0)}/s`,
      fmt(floor.select.p50, 2),
      fmt(floor.select.p99, 2),
      "",
    ],
    [
      "ingest: signed channel events",
      `${fmt(ingest.perSecond, 0)}/s`,
      fmt(ingest.p50, 2),
      fmt(ingest.p99, 2),
      `${fmt(ingestRatio, 2)}× floor throughput (target ≥ 0.5) ${ingestRatio >= 0.5 ? "✓" : "✗"}`,
    ],
    [
      "context read, 10k events",
      `${fmt(small.context.perSecond, 0)}/s`,
      fmt(small.context.p50, 2),
      fmt(small.context.p99, 2),
      "",
    ],
    [
      "context read, 1M events",
      `${fmt(large.context.perSecond, 0)}/s`,
      fmt(large.context.p50, 2),
      fmt(large.context.p99, 2),
      `p99 ${fmt(contextRatio, 2)}× floor (target ≤ 3) ${contextRatio <= 3 ? "✓" : "✗"}; ${fmt(scaleRatio, 2)}× the 10k p99 (target ≤ 1.3) ${scaleRatio <= 1.3 ? "✓" : "✗"}`,
    ],
  ];
  const errors = [floor.insert, floor.select, ingest, small.context, large.context].reduce(
    (n, r) => n + r.errors,
    0,
  );
  const table = [
    "| measurement | throughput | p50 ms | p99 ms | against the floor |",
    "|---|---|---|---|---|",
    ...rows.map((r) => `| ${r.join(" | ")} |`),
  ].join("\n");
  const context = [
    `Run on ${new Date().toISOString().slice(0, 10)}, ${os.cpus().length} cores (${os.cpus()[0]?.model ?? "unknown CPU"}), Node ${process.version}, ${CONCURRENCY} concurrent clients, ${DURATION_MS / 1000} s per measurement after 1 s warm-up.`,
    `Seeded (1M): ${Object.entries(seeded.large.counts)
      .map(([k, v]) => `${v.toLocaleString("en-US")} ${k}`)
      .join(
        ", ",
      )}. Seeded (10k): ${seeded.small.counts.thread_events?.toLocaleString("en-US")} thread_events.`,
    `Accepted events drained by the queue consumer in ${fmt(large.drainSeconds!, 1)} s after the ingest run (${ingest.requests} events). Errors: ${errors}.`,
  ].join("\n");
  console.log(`\n${table}\n\n${context}\n`);

  if (process.argv.includes("--write")) {
    const file = path.join(ROOT, "docs", "performance.md");
    const doc = readFileSync(file, "utf8");
    const start = "<!-- bench:worker:start -->";
    const end = "<!-- bench:worker:end -->";
    const updated = doc.replace(
      new RegExp(`${start}[\\s\\S]*${end}`),
      `${start}\n\n${table}\n\n${context}\n\n${end}`,
    );
    writeFileSync(file, updated);
    console.log(`wrote ${path.relative(ROOT, file)}`);
  }
  const pass = ingestRatio >= 0.5 && contextRatio <= 3 && scaleRatio <= 1.3 && errors === 0;
  process.exit(pass ? 0 : 1);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
