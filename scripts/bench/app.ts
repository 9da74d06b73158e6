/**
 * The sidebar app's part of `npm run bench` (or alone: `npm run bench -- --app-only`):
 *
 *   bundle   the JavaScript the sidebar needs before it can render (the entry chunk and its
 *            static imports; lazy chunks excluded), gzipped. Budget ≤ 150 KB.
 *   render   from the iframe's navigation start to the rendered workflow step, in headless
 *            Chromium, in the preview against a local Worker, for a ticket of the demo journey;
 *            against a floor measured in the same run, in the same iframe: a bare page that does
 *            the ZAF handshake and one request for the same context through the same proxy.
 *            Budget p50 ≤ 300 ms.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { AdminClient } from "../lib/admin-client";
import { buildApp } from "../lib/app-build";
import { CHROMIUM_PATH, launchChromium } from "../lib/chromium";
import { createDemoTenant } from "../lib/demo-tenant";
import { writeBenchBlock } from "./performance-doc";
import { startLocalStack } from "../lib/local-stack";
import { startDemoPreview } from "./demo-preview";

const BUNDLE_BUDGET_KB = 150;
const RENDER_BUDGET_MS = 300;
const SAMPLES = 12;
const WARMUP = 2;

/** The floor: the least a sidebar page can do to show the context (no SDK, no React). */
const FLOOR_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>floor</title></head><body><script>
const query = new URLSearchParams(location.search);
const origin = query.get("origin");
const guid = query.get("app_guid");
const post = (m) => parent.postMessage(JSON.stringify({ ...m, appGuid: guid, instanceGuid: guid }), origin);
addEventListener("message", (event) => {
  if (event.origin !== origin) return;
  const data = JSON.parse(event.data);
  if (data.key === "zaf.app.registered") {
    const { context, metadata } = data.message;
    post({ key: "request:1", message: {
      url: metadata.settings.workerUrl + "/v1/tickets/" + context.ticketId + "/context",
      type: "GET", headers: { Authorization: "Bearer {{setting.appSecret}}" },
      secure: true, httpCompleteResponse: true } });
  } else if (data.key === "zaf.request:1.done") {
    const workflow = data.message.responseArgs[0].responseJSON.workflow;
    const p = document.createElement("p");
    p.dataset.testid = "floor-rendered";
    p.textContent = "Step " + workflow.stepNumber + " of " + workflow.stepCount;
    document.body.append(p);
  }
});
post({ key: "iframe.handshake", message: { version: "floor" } });
</script></body></html>
`;

export interface AppBenchResult {
  pass: boolean;
  table: string;
  notes: string;
}

/** Static imports of a chunk (`import … from "./x.js"`, `export … from`), not `import()`. */
function staticImports(code: string): string[] {
  const found = new Set<string>();
  for (const match of code.matchAll(
    /(?:^|[;\n}])\s*(?:import|export)\s*(?:[^"'`;()]*?\sfrom\s*)?["'](\.\/[^"']+\.js)["']/g,
  ))
    found.add(match[1]!.slice(2));
  return [...found];
}

/** The JavaScript (and CSS) iframe.html loads before anything renders, and its gzipped size. */
export function initialBundle(assetsDir: string): {
  files: string[];
  rawBytes: number;
  gzipBytes: number;
  lazyGzipBytes: number;
} {
  const html = readFileSync(path.join(assetsDir, "iframe.html"), "utf8");
  const queue = [
    ...html.matchAll(/<script[^>]*\ssrc="\.\/([^"]+)"/g),
    ...html.matchAll(/<link[^>]*rel="(?:modulepreload|stylesheet)"[^>]*href="\.\/([^"]+)"/g),
  ].map((m) => m[1]!);
  const initial = new Set<string>();
  while (queue.length > 0) {
    const file = queue.shift()!;
    if (initial.has(file)) continue;
    initial.add(file);
    if (file.endsWith(".js"))
      queue.push(...staticImports(readFileSync(path.join(assetsDir, file), "utf8")));
  }
  let rawBytes = 0;
  let gzipBytes = 0;
  for (const file of initial) {
    const bytes = readFileSync(path.join(assetsDir, file));
    rawBytes += bytes.length;
    gzipBytes += gzipSync(bytes).length;
  }
  let lazyGzipBytes = 0;
  for (const file of readdirSync(assetsDir).filter((f) => f.endsWith(".js")))
    if (!initial.has(file))
      lazyGzipBytes += gzipSync(readFileSync(path.join(assetsDir, file))).length;
  return { files: [...initial], rawBytes, gzipBytes, lazyGzipBytes };
}

const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
};

/** `prebuilt`: measure an app build already in that folder's `assets/` instead of building one. */
export async function benchApp(options: { prebuilt?: string } = {}): Promise<AppBenchResult> {
  const appDir = mkdtempSync(path.join(tmpdir(), "continuity-bench-app-"));
  const assets = path.join(appDir, "assets");
  const stack = await startLocalStack();
  try {
    if (options.prebuilt)
      cpSync(path.join(options.prebuilt, "assets"), assets, { recursive: true });
    else await buildApp({ outDir: assets, quiet: true });
    writeFileSync(path.join(assets, "floor.html"), FLOOR_PAGE);
    const bundle = initialBundle(assets);

    const admin = new AdminClient(stack.workerUrl, stack.operatorToken);
    const tenant = await createDemoTenant(admin);
    const preview = await startDemoPreview(stack, tenant, appDir);
    while (!preview.player().finished) await preview.player().playNext();

    const browser = await launchChromium();
    const samples = { app: [] as number[], floor: [] as number[] };
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      // In every frame, before its own scripts: note when the step first appears in the DOM
      // (or take the app's own mark, if it sets one), in ms since that frame's navigation.
      await page.addInitScript(() => {
        const w = window as unknown as { __renderedAt?: number };
        const selector = '[data-testid="workflow-step"], [data-testid="floor-rendered"]';
        const observer = new MutationObserver(() => {
          if (w.__renderedAt !== undefined || !document.querySelector(selector)) return;
          const mark = performance.getEntriesByName("continuity:context-rendered")[0];
          w.__renderedAt = mark ? mark.startTime : performance.now();
          observer.disconnect();
        });
        observer.observe(document, { childList: true, subtree: true });
      });
      const measure = async (floor: boolean): Promise<number> => {
        const query = `?ticket=102${floor ? "&sidebar=assets/floor.html" : ""}`;
        await page.goto(`${preview.url}${query}`);
        const deadline = Date.now() + 15_000;
        while (Date.now() < deadline) {
          const frame = page.frames().find((f) => f.url().startsWith(preview.appOrigin));
          const at = frame
            ? await frame.evaluate(() => (window as { __renderedAt?: number }).__renderedAt)
            : undefined;
          if (typeof at === "number") return at;
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
        throw new Error(`the ${floor ? "floor page" : "app"} did not render within 15 s`);
      };
      for (let i = 0; i < SAMPLES + WARMUP; i++) {
        const floor = await measure(true);
        const app = await measure(false);
        if (i >= WARMUP) {
          samples.floor.push(floor);
          samples.app.push(app);
        }
      }
    } finally {
      await browser.close();
      await preview.stop();
    }

    const kb = (bytes: number) => (bytes / 1024).toFixed(1);
    const appP50 = quantile(samples.app, 0.5);
    const floorP50 = quantile(samples.floor, 0.5);
    const bundleOk = bundle.gzipBytes / 1024 <= BUNDLE_BUDGET_KB;
    const renderOk = appP50 <= RENDER_BUDGET_MS;
    const rows = [
      [
        "initial JS + CSS (gzip)",
        `${kb(bundle.gzipBytes)} KB (${kb(bundle.rawBytes)} KB raw, ${bundle.files.length} files)`,
        `budget ≤ ${BUNDLE_BUDGET_KB} KB ${bundleOk ? "✓" : "✗"}; lazy chunks ${kb(bundle.lazyGzipBytes)} KB more`,
      ],
      [
        "floor: bare page, handshake + one proxied request",
        `p50 ${floorP50.toFixed(0)} ms, p95 ${quantile(samples.floor, 0.95).toFixed(0)} ms`,
        "",
      ],
      [
        "sidebar: iframe navigation → workflow step rendered",
        `p50 ${appP50.toFixed(0)} ms, p95 ${quantile(samples.app, 0.95).toFixed(0)} ms`,
        `${(appP50 / floorP50).toFixed(2)}× floor; budget p50 ≤ ${RENDER_BUDGET_MS} ms ${renderOk ? "✓" : "✗"}`,
      ],
    ];
    const table = [
      "| app measurement | value | against budget and floor |",
      "|---|---|---|",
      ...rows.map((r) => `| ${r.join(" | ")} |`),
    ].join("\n");
    const notes = `Headless Chromium (${CHROMIUM_PATH}), ${SAMPLES} loads of each after ${WARMUP} warm-ups, alternating, each a fresh iframe with nothing cached (the preview serves no-store), ticket 102 of the demo journey, the Worker on local workerd. Initial files: ${bundle.files.join(", ")}.`;
    return { pass: bundleOk && renderOk, table, notes };
  } finally {
    await stack.stop();
    rmSync(appDir, { recursive: true, force: true });
  }
}

export async function writeAppBench(result: AppBenchResult): Promise<void> {
  await writeBenchBlock("app", `${result.table}\n\n${result.notes}`, "The sidebar app");
}
