/** A closed-loop load generator: `concurrency` clients, each sending its next request when the last answers. */
export interface LoadResult {
  requests: number;
  errors: number;
  seconds: number;
  perSecond: number;
  p50: number;
  p99: number;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export async function runLoad(
  options: { concurrency: number; durationMs: number; warmupMs?: number },
  request: (n: number) => Promise<Response>,
  ok: (response: Response) => boolean,
): Promise<LoadResult> {
  let n = 0;
  const drive = async (until: number, latencies: number[] | null, counts: { errors: number }) => {
    while (performance.now() < until) {
      const started = performance.now();
      const response = await request(n++);
      await response.arrayBuffer();
      if (!ok(response)) counts.errors++;
      latencies?.push(performance.now() - started);
    }
  };
  const warmup = { errors: 0 };
  const warmUntil = performance.now() + (options.warmupMs ?? 1000);
  await Promise.all(
    Array.from({ length: options.concurrency }, () => drive(warmUntil, null, warmup)),
  );

  const latencies: number[] = [];
  const counts = { errors: 0 };
  const start = performance.now();
  await Promise.all(
    Array.from({ length: options.concurrency }, () =>
      drive(start + options.durationMs, latencies, counts),
    ),
  );
  const seconds = (performance.now() - start) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    errors: counts.errors,
    seconds,
    perSecond: latencies.length / seconds,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
  };
}
