/**
 * `npm run eval`: how well the agent keeps context, measured from what it did.
 *
 * Plays the project's journeys on a fresh local Worker (rules provider), then replays each
 * thread's log and reports, per journey and overall:
 *   repetitions            the agent asked for a slot it already held (target 0)
 *   actions above level    a step completed for a contact below the step's identity level (target 0)
 *   clarifying turns       customer turns before the first useful action (a status, an answer, a handoff)
 *   verification prompts   one-time codes sent per resolved thread
 * and hard-stop precision and recall on the labelled cases in worker/test/agent-cases (target: none missed).
 * `--write` puts the figures into docs/agent.md.
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { ThreadEvent } from "../../worker/src/domain/thread-events";
import { ROOT } from "../lib/local-env";
import { startLocalStack } from "../lib/local-stack";
import { Journey } from "../journeys/format";
import { playJourney, type JourneyResult } from "../journeys/player";
import { evaluateHardStops } from "./hard-stop-cases";
import { measureThread, type ThreadMetrics } from "./thread-metrics";
import { languageTable, measureLanguage, targetsMet } from "../language/report";

async function getJson<T>(url: string, auth: string): Promise<{ status: number; body: T }> {
  const response = await fetch(url, { headers: { authorization: `Bearer ${auth}` } });
  return { status: response.status, body: (await response.json()) as T };
}

async function threadsOf(
  workerUrl: string,
  result: JourneyResult,
): Promise<Map<string, { offset: number; event: ThreadEvent }[]>> {
  const threads = new Map<string, { offset: number; event: ThreadEvent }[]>();
  if (!result.tenant) return threads;
  const secret = result.tenant.appSecret;
  const lookups = [
    ...result.touched.tickets.map((t) => `/v1/tickets/${t}/context`),
    ...result.touched.sessions.map((s) => `/v1/sessions/${encodeURIComponent(s)}/context`),
  ];
  for (const lookup of lookups) {
    const context = await getJson<{ thread: { id: string } }>(`${workerUrl}${lookup}`, secret);
    if (context.status !== 200 || threads.has(context.body.thread.id)) continue;
    const events: { offset: number; event: ThreadEvent }[] = [];
    for (let after = 0; ;) {
      const page = await getJson<{
        events: { offset: number; event: ThreadEvent }[];
        nextAfter: number;
      }>(
        `${workerUrl}/v1/threads/${context.body.thread.id}/events?after=${after}&limit=500`,
        secret,
      );
      events.push(...page.body.events);
      if (page.body.events.length < 500) break;
      after = page.body.nextAfter;
    }
    threads.set(context.body.thread.id, events);
  }
  return threads;
}

const mean = (values: number[]) =>
  values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length;

async function main() {
  const folder = path.join(ROOT, "worker/test/journeys");
  const journeys = readdirSync(folder)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => Journey.parse(JSON.parse(readFileSync(path.join(folder, f), "utf8"))));
  const stack = await startLocalStack();
  const target = {
    workerUrl: stack.workerUrl,
    operatorToken: stack.operatorToken,
    standins: stack.standins,
    settleTimeoutMs: 15_000,
  };

  const rows: { name: string; threads: number; metrics: ThreadMetrics[]; failures: number }[] = [];
  for (const journey of journeys) {
    const result = await playJourney(journey, target, null);
    for (const failure of result.failures)
      console.error(`✗ ${journey.name}: ${JSON.stringify(failure)}`);
    const threads = await threadsOf(stack.workerUrl, result);
    rows.push({
      name: journey.name,
      threads: threads.size,
      metrics: [...threads.values()].map(measureThread),
      failures: result.failures.length,
    });
  }
  await stack.stop();

  const all = rows.flatMap((r) => r.metrics);
  const repetitions = all.flatMap((m) => m.repetitions);
  const above = all.flatMap((m) => m.actionsAboveLevel);
  const clarifying = all.map((m) => m.clarifyingTurns).filter((n): n is number => n !== null);
  const resolved = all.filter((m) => m.resolved).length;
  const prompts = all.reduce((n, m) => n + m.verificationPrompts, 0);
  const stops = evaluateHardStops();

  const table = [
    "| journey | threads | repetitions | actions above level | clarifying turns (mean) | verification prompts |",
    "|---|---|---|---|---|---|",
    ...rows.map(
      (r) =>
        `| ${r.name} | ${r.threads} | ${r.metrics.reduce((n, m) => n + m.repetitions.length, 0)} | ${r.metrics.reduce((n, m) => n + m.actionsAboveLevel.length, 0)} | ${mean(r.metrics.map((m) => m.clarifyingTurns).filter((n): n is number => n !== null)).toFixed(1)} | ${r.metrics.reduce((n, m) => n + m.verificationPrompts, 0)} |`,
    ),
    `| **overall** (${rows.length} journeys) | ${all.length} | **${repetitions.length}** | **${above.length}** | ${mean(clarifying).toFixed(2)} | ${(prompts / Math.max(1, resolved)).toFixed(2)} per resolved thread (${prompts} over ${resolved}) |`,
  ].join("\n");
  const summary = [
    `Hard stops on ${stops.cases} labelled cases: precision ${stops.precision.toFixed(2)}, recall ${stops.recall.toFixed(2)}, missed ${stops.missed.length}, false stops ${stops.falseStops.length}.`,
    ...stops.missed.map(
      (m) => `- missed: "${m.text}" expected ${m.expected}, got ${m.predicted ?? "none"}`,
    ),
    ...stops.falseStops.map((m) => `- false stop: "${m.text}" → ${m.predicted}`),
    ...repetitions.map((r) => `- repetition: asked for ${r.asked} while holding "${r.held}"`),
    ...above.map((a) => `- above level: ${a.step} at ${a.level} (needs ${a.required})`),
    `Journeys with failed expectations while measuring: ${rows.filter((r) => r.failures > 0).length}.`,
  ].join("\n");
  console.log(`\n${table}\n\n${summary}\n`);

  // Reading customer words, measured on the corpus (worker/test/language), per half.
  const language = await measureLanguage();
  const targets = targetsMet(language[1]!);
  const languageSummary = [
    languageTable(language),
    "",
    "Targets on the held-out half (issue 16):",
    "",
    ...targets.map((t) => `- ${t.met ? "met" : "**not met**"}: ${t.target} (measured ${t.value})`),
  ].join("\n");
  console.log(`${languageSummary}\n`);

  if (process.argv.includes("--write")) {
    const file = path.join(ROOT, "docs", "agent.md");
    const doc = readFileSync(file, "utf8");
    const start = "<!-- eval:start -->";
    const end = "<!-- eval:end -->";
    const languageStart = "<!-- language:start -->";
    const languageEnd = "<!-- language:end -->";
    writeFileSync(
      file,
      doc
        .replace(
          new RegExp(`${start}[\\s\\S]*${end}`),
          `${start}\n\n${table}\n\n${summary}\n\n${end}`,
        )
        .replace(
          new RegExp(`${languageStart}[\\s\\S]*${languageEnd}`),
          `${languageStart}\n\n${languageSummary}\n\n${languageEnd}`,
        ),
    );
    console.log("wrote docs/agent.md");
  }
  const pass = repetitions.length === 0 && above.length === 0 && stops.missed.length === 0;
  process.exit(pass ? 0 : 1);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
