/**
 * The two loads the live-session bench puts on a session server, the Worker's or the floor's:
 * many participants of one conversation hearing one fact, and many idle connections.
 */
import type { WebSocket } from "undici";
import { epochMs, inTurns, pause, spread, until, type Spread } from "./session-clients";
import { workerdUsage } from "./workerd-usage";

export interface FanOutResult {
  /** Every participant joining, one after another's socket opened, until all were told all. */
  joinSeconds: number;
  /** Each participant's latency from the commit to hearing the fact: rounds × participants. */
  deliveries: Spread;
  /** Per round, from the commit until the last participant heard it. */
  allReached: Spread;
}

export async function fanOut(options: {
  participants: number;
  rounds: number;
  join: (i: number, heard: (data: string, at: number) => void) => Promise<WebSocket>;
  /** Everyone heard that all `participants` are there (the floor has no presence: true). */
  allPresent: (sockets: number) => boolean;
  /** Commit a fact carrying `marker`; resolves to the commit's own time (epoch ms). */
  commit: (marker: string, heardByAll: () => Promise<void>) => Promise<number>;
}): Promise<{ result: FanOutResult; sockets: WebSocket[] }> {
  const heard = Array.from({ length: options.participants }, () => new Map<string, number>());
  const started = epochMs();
  const sockets = await inTurns(heard, 10, (mine, i) =>
    options.join(i, (data, at) => {
      const marker = /FANOUT-\d+-MARK/.exec(data)?.[0];
      if (marker && !mine.has(marker)) mine.set(marker, at);
    }),
  );
  await until("everyone told everyone is there", () => options.allPresent(sockets.length), 60_000);
  const joinSeconds = (epochMs() - started) / 1000;

  const deliveries: number[] = [];
  const allReached: number[] = [];
  for (let round = 0; round < options.rounds; round++) {
    const marker = `FANOUT-${round}-MARK`;
    const heardByAll = () =>
      until(`${marker} heard by all`, () => heard.every((m) => m.has(marker)), 20_000);
    const committedAt = await options.commit(marker, heardByAll);
    const times = heard.map((m) => m.get(marker)! - committedAt);
    deliveries.push(...times);
    allReached.push(Math.max(...times));
  }
  return {
    result: { joinSeconds, deliveries: spread(deliveries), allReached: spread(allReached) },
    sockets,
  };
}

export interface IdleResult {
  sessions: number;
  joinSeconds: number;
  /** workerd's resident memory, after all joined against before, per session. */
  rssKbPerSession: number;
  /** workerd's CPU from the first join until it went quiet, per session. */
  joinCpuMsPerSession: number;
  /** workerd's CPU while every session stayed open and quiet, per session per minute. */
  idleCpuMsPerSessionMinute: number;
  holdSeconds: number;
  /** Resident memory per session at the end of the hold (objects may have hibernated). */
  rssKbPerSessionAfterHold: number;
}

/** Wait until workerd uses under 5% of a core over half a second (at most `ms`). */
async function quiet(pids: string[], ms = 20_000): Promise<void> {
  const deadline = Date.now() + ms;
  let last = workerdUsage(pids).cpuMs;
  while (Date.now() < deadline) {
    await pause(500);
    const now = workerdUsage(pids).cpuMs;
    if (now - last < 25) return;
    last = now;
  }
}

export async function idleSessions(options: {
  sessions: number;
  pids: string[];
  holdMs: number;
  join: (i: number) => Promise<WebSocket>;
}): Promise<{ result: IdleResult; sockets: WebSocket[] }> {
  await quiet(options.pids);
  const before = workerdUsage(options.pids);
  const started = epochMs();
  const sockets = await inTurns(
    Array.from({ length: options.sessions }, (_, i) => i),
    20,
    (i) => options.join(i),
  );
  await quiet(options.pids);
  const joinSeconds = (epochMs() - started) / 1000;
  const joined = workerdUsage(options.pids);
  await pause(options.holdMs);
  const held = workerdUsage(options.pids);
  const n = options.sessions;
  return {
    result: {
      sessions: n,
      joinSeconds,
      rssKbPerSession: (joined.rssKb - before.rssKb) / n,
      joinCpuMsPerSession: (joined.cpuMs - before.cpuMs) / n,
      idleCpuMsPerSessionMinute: ((held.cpuMs - joined.cpuMs) / n) * (60_000 / options.holdMs),
      holdSeconds: options.holdMs / 1000,
      rssKbPerSessionAfterHold: (held.rssKb - before.rssKb) / n,
    },
    sockets,
  };
}

export function closeAll(sockets: WebSocket[]): void {
  for (const socket of sockets) socket.close(1000, "bench done");
}
