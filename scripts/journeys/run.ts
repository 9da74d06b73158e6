/**
 * `npm run journeys -- <folder> [<folder>…] [--only thread,identity] [--url http://127.0.0.1:8787]`
 *
 * Starts the real Worker on local workerd (or uses --url with OPERATOR_TOKEN), starts loopback
 * stand-ins for Zendesk, Sunshine Conversations and the order system, plays every journey and
 * judges every expectation. One line per journey and per failed expectation, then `N passed, N failed`.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { argValue } from "../lib/local-env";
import { startLocalStack } from "../lib/local-stack";
import { EXPECTATION_KINDS, Journey, type ExpectationKind } from "./format";
import { playJourney, type JourneyResult } from "./player";

function journeyFiles(target: string): string[] {
  const stat = statSync(target);
  if (stat.isFile()) return [target];
  return readdirSync(target)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => path.join(target, f));
}

function describeSkips(skipped: JourneyResult["skipped"]): string {
  return Object.entries(skipped)
    .map(([kind, n]) => `${kind} ×${n}`)
    .join(", ");
}

async function main() {
  const args = process.argv.slice(2);
  const folders = args.filter(
    (a, i) =>
      !a.startsWith("--") && !["--only", "--url", "--concurrency"].includes(args[i - 1] ?? ""),
  );
  if (folders.length === 0) {
    console.error(
      "usage: npm run journeys -- <folder|file> [...] [--only kind,kind] [--url <worker url>]",
    );
    process.exit(2);
  }
  const onlyArg = argValue(args, "--only");
  const only = onlyArg ? new Set(onlyArg.split(",") as ExpectationKind[]) : null;
  for (const kind of only ?? [])
    if (!EXPECTATION_KINDS.includes(kind)) throw new Error(`unknown expectation kind ${kind}`);

  const journeys: Journey[] = [];
  for (const file of folders.flatMap(journeyFiles)) {
    const parsed = Journey.safeParse(JSON.parse(readFileSync(file, "utf8")));
    if (!parsed.success) {
      console.error(
        `✗ ${path.basename(file)}: not a journey (${parsed.error.issues[0]?.path.join(".")}: ${parsed.error.issues[0]?.message})`,
      );
      process.exitCode = 1;
      continue;
    }
    journeys.push(parsed.data);
  }

  const stack = await startLocalStack(argValue(args, "--url"));
  const concurrency = Number(argValue(args, "--concurrency") ?? 4);
  const target = {
    workerUrl: stack.workerUrl,
    operatorToken: stack.operatorToken,
    standins: stack.standins,
    settleTimeoutMs: 15_000,
  };
  const results: JourneyResult[] = new Array(journeys.length);
  let nextIndex = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, journeys.length) }, async () => {
      while (nextIndex < journeys.length) {
        const i = nextIndex++;
        results[i] = await playJourney(journeys[i]!, target, only);
      }
    }),
  );

  let passed = 0;
  for (const result of results) {
    const ok = result.failures.length === 0;
    if (ok) passed++;
    const skips = describeSkips(result.skipped);
    console.log(
      `${ok ? "✓" : "✗"} ${result.name} (${result.judged} expectations judged${skips ? `; not judged: ${skips}` : ""})`,
    );
    for (const failure of result.failures)
      console.log(`    step ${failure.step}: ${failure.message}`);
  }
  const failed = results.length - passed;
  console.log(`${passed} passed, ${failed} failed`);
  if (process.env.JOURNEYS_WORKER_LOG) console.log(stack.workerLog());

  await stack.stop();
  process.exit(failed > 0 || process.exitCode ? 1 : 0);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
