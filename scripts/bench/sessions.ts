/**
 * The live session's part of `npm run bench` (alone: `npm run bench -- --sessions-only`):
 *
 *   latency  from a committed fact to the sidebar's DOM, in headless Chromium, over the session
 *            and by today's polling, the same facts watched by both (session-latency.ts)
 *   fan-out  one committed fact reaching 200 participants of one thread, against the floor
 *            sending one message to 200 sockets of one bare Durable Object (session-floor.ts)
 *   idle     1,000 sessions open across 100 threads: workerd's memory and CPU per session,
 *            against the floor holding 1,000 sockets across 100 objects
 *
 * No targets yet: the figures are reported, with ratios against the floor of the same run.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { AdminClient } from "../lib/admin-client";
import { buildApp } from "../lib/app-build";
import { createDemoTenant } from "../lib/demo-tenant";
import { startLocalStack } from "../lib/local-stack";
import { writeBenchBlock } from "./performance-doc";
import { measureSessionFloor } from "./session-floor";
import { measureSidebarLatency, type SidebarLatency } from "./session-latency";
import type { FanOutResult, IdleResult } from "./session-load";
import { measureWorkerSessions } from "./session-worker";
import type { Spread } from "./session-clients";
import { workerdIn } from "./workerd-usage";

const SHAPE = { participants: 200, rounds: 6, sessions: 1_000, rooms: 50, holdMs: 5_000 };
const MESSAGES = 10;

export interface SessionBenchResult {
  table: string;
  notes: string;
}

const ms = (s: Spread) => `p50 ${s.p50.toFixed(0)} ms, p99 ${s.p99.toFixed(0)} ms`;
const times = (a: number, b: number) => `${(a / b).toFixed(2)}×`;

function rows(
  latency: SidebarLatency,
  worker: { fanOut: FanOutResult; idle: IdleResult },
  floor: { fanOut: FanOutResult; idle: IdleResult },
): string[][] {
  const idle = (r: IdleResult) =>
    `${r.rssKbPerSession.toFixed(1)} KB and ${r.joinCpuMsPerSession.toFixed(2)} ms CPU to attach; ${r.idleCpuMsPerSessionMinute.toFixed(3)} ms CPU per minute idle; ${r.rssKbPerSessionAfterHold.toFixed(1)} KB after ${r.holdSeconds} s idle`;
  return [
    [
      "commit → sidebar DOM, over the live session",
      `${ms(latency.session)} (${latency.session.n} messages)`,
      `p50 ${times(latency.session.p50, latency.polling.p50)} polling's, p99 ${times(latency.session.p99, latency.polling.p99)}`,
    ],
    [
      "commit → sidebar DOM, polling (10 s, today's fallback)",
      `${ms(latency.polling)} (the same messages)`,
      "",
    ],
    [
      `floor: one message to ${SHAPE.participants} sockets of a bare object`,
      `each ${ms(floor.fanOut.deliveries)}; all reached ${ms(floor.fanOut.allReached)}`,
      `${SHAPE.participants} joined in ${floor.fanOut.joinSeconds.toFixed(1)} s`,
    ],
    [
      `one fact to ${SHAPE.participants} participants of one thread`,
      `each ${ms(worker.fanOut.deliveries)}; all reached ${ms(worker.fanOut.allReached)} (${SHAPE.rounds} facts)`,
      `all reached p50 ${times(worker.fanOut.allReached.p50, floor.fanOut.allReached.p50)} floor, p99 ${times(worker.fanOut.allReached.p99, floor.fanOut.allReached.p99)}; ${SHAPE.participants} joined in ${worker.fanOut.joinSeconds.toFixed(1)} s`,
    ],
    [
      `floor: ${SHAPE.sessions.toLocaleString("en-US")} idle sockets, ${SHAPE.rooms} objects`,
      idle(floor.idle),
      `opened in ${floor.idle.joinSeconds.toFixed(1)} s`,
    ],
    [
      `${SHAPE.sessions.toLocaleString("en-US")} idle sessions, ${SHAPE.rooms} threads`,
      idle(worker.idle),
      `memory ${times(worker.idle.rssKbPerSession, floor.idle.rssKbPerSession)} floor, attach CPU ${times(worker.idle.joinCpuMsPerSession, floor.idle.joinCpuMsPerSession)}; opened in ${worker.idle.joinSeconds.toFixed(1)} s`,
    ],
  ];
}

export async function benchSessions(): Promise<SessionBenchResult> {
  const started = Date.now();
  console.log("sessions: the floor…");
  const floor = await measureSessionFloor(SHAPE);
  const appDir = mkdtempSync(path.join(tmpdir(), "continuity-bench-sessions-"));
  const stack = await startLocalStack();
  try {
    await buildApp({ outDir: path.join(appDir, "assets"), quiet: true });
    const tenant = await createDemoTenant(new AdminClient(stack.workerUrl, stack.operatorToken));
    console.log(
      `sessions: the sidebar, live and polling (${Math.round((Date.now() - started) / 1000)} s)…`,
    );
    const latency = await measureSidebarLatency(stack, tenant, appDir, MESSAGES);
    console.log(
      `sessions: fan-out and idle sessions (${Math.round((Date.now() - started) / 1000)} s)…`,
    );
    const pids = workerdIn(stack.workerGroup!);
    const worker = await measureWorkerSessions(
      { url: stack.workerUrl, operatorToken: stack.operatorToken, tenant, pids },
      SHAPE,
    );
    const table = [
      "| live session measurement | value | against the floor |",
      "|---|---|---|",
      ...rows(latency, worker, floor).map((r) => `| ${r.join(" | ")} |`),
    ].join("\n");
    const notes = [
      `Run on ${new Date().toISOString().slice(0, 10)} in ${Math.round((Date.now() - started) / 1000)} s; the Worker and the floor each on their own local workerd through \`wrangler dev\`, the clients in this Node process (undici's WebSocket) and headless Chromium.`,
      `Latency: ${MESSAGES} customer messages ${"1–3"} s apart to ticket 101 of the demo journey, watched by two sidebars at once in the preview, one attached and one with no WebSocket in its page (so it polls the log every 10 s, as it does today when no session can be opened); from each message's recorded commit time in the log to its text first in that sidebar's DOM.`,
      `Fan-out: ${SHAPE.participants} distinct sidebar participants attached to one thread, then ${SHAPE.rounds} customer messages one after another, each timed from its recorded commit time to its arrival at each socket; the floor's from when its object had the message (workerd's clock, in the message). Idle: ${SHAPE.sessions} sessions, ${SHAPE.sessions / SHAPE.rooms} per thread (tokens asked first), memory as the resident set of the Worker's workerd processes (${pids.length}) after all attached and workerd went quiet against before, CPU as workerd's user and system time (/proc).`,
    ].join("\n");
    return { table, notes };
  } finally {
    await stack.stop();
    rmSync(appDir, { recursive: true, force: true });
  }
}

export async function writeSessionBench(result: SessionBenchResult): Promise<void> {
  await writeBenchBlock("sessions", `${result.table}\n\n${result.notes}`, "Live sessions");
}
