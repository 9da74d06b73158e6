import { WebSocket } from "undici";
import { percentile } from "./load";

/** Wall-clock now in ms, finer than Date.now(), comparable with the Worker's recorded times. */
export const epochMs = () => performance.timeOrigin + performance.now();

/** Open one WebSocket; `heard` sees every message with the time it arrived. */
export function openSocket(
  url: string,
  heard: (data: string, at: number) => void = () => {},
): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url);
    socket.addEventListener("message", (e) => heard(String(e.data), epochMs()));
    socket.addEventListener("open", () => resolve(socket), { once: true });
    socket.addEventListener("error", () => reject(new Error(`could not open ${url}`)), {
      once: true,
    });
  });
}

/** Run `work` over `items`, `width` at a time. */
export async function inTurns<T, R>(
  items: T[],
  width: number,
  work: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(width, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        results[i] = await work(items[i]!, i);
      }
    }),
  );
  return results;
}

export async function until(what: string, test: () => boolean, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (!test()) {
    if (Date.now() > deadline) throw new Error(`no ${what} within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

export const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface Spread {
  n: number;
  p50: number;
  p99: number;
}

export function spread(values: number[]): Spread {
  const sorted = [...values].sort((a, b) => a - b);
  return { n: sorted.length, p50: percentile(sorted, 50), p99: percentile(sorted, 99) };
}
