import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { ROOT, randomSecrets } from "../lib/local-env";
import { freePort } from "../lib/local-stack";
import { startWorker } from "../lib/worker-process";
import { openSocket, pause } from "./session-clients";
import { closeAll, fanOut, idleSessions, type FanOutResult, type IdleResult } from "./session-load";
import { workerdIn } from "./workerd-usage";

export interface SessionFloor {
  fanOut: FanOutResult;
  idle: IdleResult;
}

/**
 * The same two loads on the floor (session-floor.worker.ts): a bare Durable Object holding
 * hibernatable sockets, on its own local workerd through the same `wrangler dev`.
 */
export async function measureSessionFloor(shape: {
  participants: number;
  rounds: number;
  sessions: number;
  rooms: number;
  holdMs: number;
}): Promise<SessionFloor> {
  const persist = mkdtempSync(path.join(tmpdir(), "continuity-session-floor-"));
  const port = await freePort();
  const child = startWorker({
    port,
    persistTo: persist,
    secrets: randomSecrets(),
    config: path.join(ROOT, "scripts/bench/session-floor.wrangler.toml"),
    quiet: true,
    group: true,
  });
  const url = `http://127.0.0.1:${port}`;
  const socketUrl = (room: string) => `ws://127.0.0.1:${port}/?room=${room}`;
  try {
    const deadline = Date.now() + 60_000;
    while (
      !(await fetch(url).then(
        (r) => r.ok,
        () => false,
      ))
    ) {
      if (Date.now() > deadline) throw new Error("the session floor did not start");
      await pause(200);
    }
    const pids = workerdIn(child.pid!);
    const idle = await idleSessions({
      sessions: shape.sessions,
      pids,
      holdMs: shape.holdMs,
      join: (i) => openSocket(socketUrl(`idle-${i % shape.rooms}`)),
    });
    closeAll(idle.sockets);
    // When the object had each message, as it says in the message itself.
    const had = new Map<string, number>();
    const fan = await fanOut({
      participants: shape.participants,
      rounds: shape.rounds,
      join: (_, heard) =>
        openSocket(socketUrl("fan"), (data, at) => {
          const [marker, time] = data.split(" ");
          had.set(marker!, Number(time));
          heard(data, at);
        }),
      allPresent: () => true,
      commit: async (marker, heardByAll) => {
        await fetch(`${url}/?room=fan`, { method: "POST", body: marker });
        await heardByAll();
        return had.get(marker)!;
      },
    });
    closeAll(fan.sockets);
    return { fanOut: fan.result, idle: idle.result };
  } finally {
    try {
      process.kill(-child.pid!, "SIGTERM");
    } catch {
      child.kill("SIGTERM");
    }
    if (child.exitCode === null) await new Promise((resolve) => child.once("exit", resolve));
    rmSync(persist, { recursive: true, force: true });
  }
}
