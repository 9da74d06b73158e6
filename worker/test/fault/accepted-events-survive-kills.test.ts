import { spawnSync, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { provision } from "../../../scripts/journeys/player";
import { AdminClient } from "../../../scripts/lib/admin-client";
import { startLocalCron } from "../../../scripts/lib/local-cron";
import { offlineWranglerEnv, randomSecrets, ROOT } from "../../../scripts/lib/local-env";
import { freePort } from "../../../scripts/lib/local-stack";
import {
  channelDelivery,
  suncoDelivery,
  zendeskDelivery,
  type DeliverySecrets,
  type SignedDelivery,
} from "../../../scripts/lib/signed-delivery";
import {
  applyMigrations,
  killWorker,
  startWorker,
  waitForHealth,
} from "../../../scripts/lib/worker-process";
import { Standins, type StandinUrls } from "../../../scripts/standins/index";
import {
  channelEvent,
  suncoDelivery as suncoBody,
  suncoMessage,
  zendeskTicketEvent,
  zendeskUser,
} from "../worker/support/factories";

/**
 * Kill the Worker (wrangler and workerd, SIGKILL) at random points of bursts of signed events
 * from all three sources, restart it on the same storage each time, and check that every event
 * answered 2xx is processed exactly once: first by the cron alone, then after the senders
 * redeliver everything, including what was never answered.
 */
const KILLS = Number(process.env.FAULT_KILLS ?? 4);
const PER_BURST = Number(process.env.FAULT_PER_BURST ?? 100);
const CONCURRENCY = 12;
/** Kill points: after how many answers of a burst the Worker dies, so always inside the burst. */
const SEED = Number(process.env.FAULT_SEED ?? Date.now() % 2 ** 31);
// Unbiased: fast-check otherwise favours small numbers, and the kills would all come early.
const killPoints = fc.sample(fc.noBias(fc.integer({ min: 1, max: PER_BURST - CONCURRENCY })), {
  seed: SEED,
  numRuns: KILLS,
});
/** The lease the Worker runs with; FAULT_LEASE_SECONDS=100000 shows what is lost without it. */
const LEASE_SECONDS = process.env.FAULT_LEASE_SECONDS ?? "2";

const secrets = randomSecrets();
const persistTo = mkdtempSync(path.join(tmpdir(), "continuity-fault-"));
const standins = new Standins();
let urls: StandinUrls;
let tenant: DeliverySecrets;
let worker: { child: ChildProcess; url: string } | null = null;

async function boot(): Promise<{ child: ChildProcess; url: string }> {
  const port = await freePort();
  const child = startWorker({
    port,
    persistTo,
    secrets,
    quiet: true,
    group: true,
    // A short lease, so what a kill leaves queued is taken for lost within the test's time.
    vars: { INGEST_LEASE_SECONDS: LEASE_SECONDS, RETRY_BASE_SECONDS: "0" },
  });
  const url = `http://127.0.0.1:${port}`;
  await waitForHealth(url);
  return { child, url };
}

/** Each delivery carries one event whose customer text holds a word no other event has. */
interface Sent {
  word: string;
  build: () => SignedDelivery;
}

function word(n: number): string {
  let w = "";
  for (let k = n + 26 * 26; k > 0; k = Math.floor(k / 26)) w += String.fromCharCode(97 + (k % 26));
  return `zq${w}`;
}

function deliveries(round: number): Sent[] {
  return Array.from({ length: PER_BURST }, (_, i) => {
    const n = round * PER_BURST + i;
    const w = word(n);
    const text = `hello, question about my parcel ${w}`;
    // Now, not the factories' fixed dates: the cron's retention would scrub a months-old text.
    const now = new Date().toISOString().replace(/\.\d{3}Z$/, "Z");
    // Each payload is made once, with its ids; a redelivery sends the same one, signed anew.
    switch (n % 3) {
      case 0: {
        const event = channelEvent({
          id: `fault-${n}`,
          occurredAt: now,
          ticketId: String(50_000 + n),
          message: { author: "customer", text },
        });
        return { word: w, build: () => channelDelivery(event, tenant) };
      }
      case 1: {
        const event = zendeskTicketEvent(
          "created",
          {
            id: String(50_000 + n),
            requester_id: String(9_000 + n),
            subject: "Parcel",
            description: text,
            created_at: now,
            updated_at: now,
          },
          { id: `zd-fault-${n}`, time: now },
        );
        return { word: w, build: () => zendeskDelivery(event, tenant) };
      }
      default: {
        const body = suncoBody([
          suncoMessage({ id: `sc-fault-${n}`, conversationId: `conv_${n}`, text, createdAt: now }),
        ]);
        return { word: w, build: () => suncoDelivery(body, tenant) };
      }
    }
  });
}

async function send(url: string, delivery: SignedDelivery): Promise<number | null> {
  try {
    const response = await fetch(`${url}${delivery.path}`, {
      method: "POST",
      headers: delivery.headers,
      body: delivery.body,
    });
    await response.arrayBuffer();
    return response.status;
  } catch {
    return null;
  }
}

/** Send `sent` with a few clients at once; after `killAfter` answers, kill the Worker and stop. */
async function burst(
  target: { child: ChildProcess; url: string },
  sent: Sent[],
  killAfter: number | null,
): Promise<Map<string, number | null>> {
  const answers = new Map<string, number | null>();
  let killed = false;
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < sent.length && !killed) {
        const one = sent[next++]!;
        answers.set(one.word, await send(target.url, one.build()));
        if (!killed && killAfter !== null && answers.size >= killAfter) {
          // Mid-burst: other clients' requests are in flight, and queue messages unprocessed.
          killed = true;
          killWorker(target.child);
        }
      }
    }),
  );
  // A burst that ended before its kill point still ends with the kill: no Worker is left behind.
  if (killAfter !== null && !killed) killWorker(target.child);
  return answers;
}

async function backlog(url: string, tenantId: string) {
  const answer = await new AdminClient(url, secrets.OPERATOR_TOKEN).call<{
    deliveries: { queued: number; failed: number };
  }>("GET", `/v1/admin/tenants/${tenantId}/backlog`);
  return answer.body;
}

async function untilDeliveriesSettle(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { deliveries } = await backlog(url, tenant.tenantId);
    if (deliveries.queued === 0 && deliveries.failed === 0) return;
    if (Date.now() > deadline) {
      const failed = await new AdminClient(url, secrets.OPERATOR_TOKEN).call(
        "GET",
        `/v1/admin/tenants/${tenant.tenantId}/deliveries/failed`,
      );
      throw new Error(
        `deliveries did not settle: ${JSON.stringify(deliveries)} ${JSON.stringify(failed.body)}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** How many times each word was recorded as a customer message, read from the stopped Worker's D1. */
function recordedWords(): Map<string, number> {
  const result = spawnSync(
    path.join(ROOT, "node_modules", ".bin", "wrangler"),
    [
      "d1",
      "execute",
      "DB",
      "--local",
      "--persist-to",
      persistTo,
      "--json",
      "--command",
      "SELECT json_extract(data, '$.text') AS text FROM thread_events WHERE type = 'message.received' AND json_extract(data, '$.author') = 'customer'",
    ],
    { cwd: ROOT, env: offlineWranglerEnv(), encoding: "utf8", maxBuffer: 64 * 1024 * 1024 },
  );
  if (result.status !== 0) throw new Error(`reading D1 failed: ${result.stderr}`);
  const rows = (JSON.parse(result.stdout) as { results: { text: string }[] }[])[0]!.results;
  const counts = new Map<string, number>();
  for (const { text } of rows)
    for (const w of text.match(/\bzq[a-z]+\b/g) ?? []) counts.set(w, (counts.get(w) ?? 0) + 1);
  return counts;
}

beforeAll(async () => {
  applyMigrations(persistTo);
  urls = await standins.start();
  worker = await boot();
  const users = Array.from({ length: KILLS * PER_BURST }, (_, n) =>
    zendeskUser(String(9_000 + n), `customer${n}@example.com`),
  );
  const handle = await provision(
    { zendesk: { users, tickets: [] }, orders: { customers: [], orders: [] } },
    { workerUrl: worker.url, operatorToken: secrets.OPERATOR_TOKEN, standins: urls },
    "fault",
  );
  tenant = {
    tenantId: handle.tenantId,
    appSecret: handle.appSecret,
    zendeskWebhookSecret: handle.zendeskSecret,
    suncoWebhookSecret: handle.suncoSecret,
  };
});

afterAll(async () => {
  if (worker) killWorker(worker.child);
  await standins.stop();
  // FAULT_KEEP=1 keeps the storage to look into after a failure.
  if (process.env.FAULT_KEEP) console.log(`storage kept in ${persistTo}`);
  else rmSync(persistTo, { recursive: true, force: true });
});

describe("a Worker killed at random points of a burst", () => {
  it("processes every event it answered 2xx exactly once, and every redelivered one once", async () => {
    const all: Sent[] = [];
    const answered = new Set<string>();
    const report: string[] = [];
    for (let round = 0; round < KILLS; round++) {
      worker ??= await boot();
      const sent = deliveries(round);
      all.push(...sent);
      const answers = await burst(worker, sent, killPoints[round]!);
      worker = null;
      let accepted = 0;
      for (const [w, status] of answers)
        if (status !== null && status >= 200 && status < 300) {
          answered.add(w);
          accepted++;
        }
      report.push(
        `killed after ${killPoints[round]} answers: ${accepted} answered 2xx, ${answers.size - accepted} cut off, ${sent.length - answers.size} not sent`,
      );
    }

    // Restarted on the same storage: the cron alone recovers what the kills left queued.
    worker = await boot();
    const stranded = (await backlog(worker.url, tenant.tenantId)).deliveries.queued;
    report.push(`accepted but unprocessed when the last kill's Worker came back: ${stranded}`);
    const cron = startLocalCron(worker.url, 1_000);
    await untilDeliveriesSettle(worker.url, 120_000);

    // Then every sender redelivers everything, answered or not, as vendors retry.
    const again = await burst(worker, all, null);
    expect([...again.values()].every((s) => s !== null && s >= 200 && s < 300)).toBe(true);
    await untilDeliveriesSettle(worker.url, 120_000);
    cron.stop();
    killWorker(worker.child);
    worker = null;
    await new Promise((resolve) => setTimeout(resolve, 500));

    const recorded = recordedWords();
    const lost = [...answered].filter((w) => !recorded.has(w));
    const twice = [...recorded].filter(([, n]) => n > 1).map(([w]) => w);
    const missing = all.filter((s) => !recorded.has(s.word)).map((s) => s.word);
    console.log(
      [
        `fault seed ${SEED}`,
        ...report,
        `answered 2xx ${answered.size} of ${all.length}; recorded ${recorded.size}; lost ${lost.length}; twice ${twice.length}; missing after redelivery ${missing.length}`,
      ].join("\n"),
    );
    expect({ lost, twice, missing }).toEqual({ lost: [], twice: [], missing: [] });
  });
});
