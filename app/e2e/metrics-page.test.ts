import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import type { Frame, FrameLocator } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { MetricsReport } from "../src/api/metrics-types";
import { ROOT } from "../../scripts/lib/local-env";
import { readPngHeader } from "../../scripts/package/png";
import { openWorkspace, playDemo, type Workspace } from "./harness";

const AXE = createRequire(import.meta.url).resolve("axe-core/axe.min.js");
// As in screenshots.test.ts: the picture lands in the repo only when asked for.
const UPDATE = process.env.UPDATE_SCREENSHOTS === "1";
const OUT = UPDATE ? ROOT : path.join(ROOT, ".state", "screenshots");
const NAV_BAR = "Continuity (nav bar)";

/**
 * The demo journey's contacts carry their own (past) timestamps, so its threads opened on those
 * days, not today: the page is pointed at the days the Worker has figures for.
 */
const EVER = `from=2000-01-01&to=${new Date().toISOString().slice(0, 10)}`;

describe("the metrics page in the nav bar", () => {
  let workspace: Workspace;
  let app: FrameLocator;
  let frame: Frame;
  let shown: { from: string; to: string };
  /** The query the page sends for its figures: the window, broken down by channel. */
  const pageQuery = (format?: "csv") =>
    `from=${shown.from}&to=${shown.to}&groupBy=channel${format ? `&format=${format}` : ""}`;

  /** GET /v1/metrics read straight from the Worker with the tenant's app secret. */
  async function fromWorker(query: string): Promise<Response> {
    const response = await fetch(`${inject("e2e").workerUrl}/v1/metrics?${query}`, {
      headers: { authorization: `Bearer ${workspace.tenant().appSecret}` },
    });
    expect(response.status, `GET /v1/metrics?${query}`).toBe(200);
    return response;
  }

  beforeAll(async () => {
    workspace = await openWorkspace({ viewport: { width: 1280, height: 900 } });
    await playDemo(workspace);
    await workspace.page.getByTestId("rail-app").click();
    app = workspace.page.frameLocator(`iframe[title="${NAV_BAR}"]`);
    await app.getByTestId("metrics-filters").waitFor({ timeout: 20_000 });

    const byDay = (await (await fromWorker(`${EVER}&groupBy=day`)).json()) as MetricsReport;
    const days = byDay.breakdown!.rows.map((row) => row.key).sort();
    expect(days.length, "days with figures after the demo journey").toBeGreaterThan(0);
    shown = { from: days[0]!, to: days.at(-1)! };
    await app.getByTestId("filter-window").selectOption("custom");
    await app.getByTestId("filter-from").fill(shown.from);
    await app.getByTestId("filter-to").fill(shown.to);
    await app.getByTestId("group-outcome").waitFor({ timeout: 20_000 });
    const element = await workspace.page.locator(`iframe[title="${NAV_BAR}"]`).elementHandle();
    frame = (await element!.contentFrame())!;
  });
  afterAll(() => workspace?.close());

  it("shows the figures the Worker reports for the demo's threads", async () => {
    const report = (await (await fromWorker(pageQuery())).json()) as MetricsReport;
    const transfer = report.metrics.find((m) => m.id === "transfer_rate")!;
    // The demo journey ran: its threads are in the window.
    expect(transfer.n).toBeGreaterThan(0);

    const percent = new Intl.NumberFormat("en", { style: "percent", maximumFractionDigits: 1 });
    for (const metric of report.metrics) {
      const row = app.locator(`[data-testid="metric-row"][data-metric="${metric.id}"]`);
      expect(await row.getByTestId("metric-n").textContent(), `${metric.id} n`).toBe(
        metric.n.toLocaleString("en"),
      );
      const value = await row.getByTestId("metric-value").textContent();
      if (metric.value === null) expect(value, metric.id).toBe("No data yet");
      else if (metric.unit === "share") expect(value, metric.id).toBe(percent.format(metric.value));
    }

    // The breakdown by channel lists the Worker's rows, in its order.
    const channels = await app
      .getByTestId("breakdown-row")
      .evaluateAll((rows) => rows.map((row) => row.getAttribute("data-key")));
    expect(channels).toEqual(report.breakdown!.rows.map((row) => row.key));
    expect(workspace.errors).toEqual([]);
  });

  it("saves docs/metrics-page.png: the whole page, before anything was clicked", async () => {
    await app.getByTestId("time-series-chart").locator("canvas").first().waitFor();
    // Without the preview's demo panel, and tall enough for the page to show in full.
    await workspace.page.getByTestId("preview-toggle-panel").click();
    const height = await frame.evaluate(() => document.documentElement.scrollHeight);
    const top = (await workspace.page.locator(`iframe[title="${NAV_BAR}"]`).boundingBox())!.y;
    const size = { width: 1280, height: Math.ceil(top + height) };
    await workspace.page.setViewportSize(size);
    await app.getByTestId("time-series-chart").locator("canvas").first().waitFor();
    const png = await workspace.page.screenshot();
    expect(readPngHeader(png)).toEqual(expect.objectContaining(size));
    const file = path.join(OUT, "docs", "metrics-page.png");
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, png);
  });

  it("downloads the Worker's CSV, with the same figures", async () => {
    const expected = await (await fromWorker(pageQuery("csv"))).text();
    const transfer = expected.split("\n").find((line) => line.startsWith("transfer_rate,"));
    expect(transfer).toBeDefined();

    const [download] = await Promise.all([
      workspace.page.waitForEvent("download"),
      app.getByTestId("csv-download").click(),
    ]);
    expect(download.suggestedFilename()).toMatch(
      /^continuity-metrics-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv$/,
    );
    const csv = readFileSync(await download.path(), "utf8");
    // Every line of the Worker's CSV, unchanged, then the columns the page adds: units, good
    // direction, definitions and the filters used.
    const lines = csv.trimEnd().split("\n");
    const workerLines = expected.trimEnd().split("\n");
    expect(lines).toHaveLength(workerLines.length);
    lines.forEach((line, i) => expect(line.startsWith(`${workerLines[i]},`)).toBe(true));
    expect(lines[0]).toMatch(
      /,unit,higher_is_better,definition,from,to,category,channel,tier,arm$/,
    );
    expect(csv).toContain(`${transfer!},share (0-1),false,`);
  });

  it("has no serious or critical axe violations", async () => {
    await frame.addScriptTag({ path: AXE });
    const violations = await frame.evaluate(async () => {
      const axe = (
        window as unknown as {
          axe: {
            run(
              context: Document,
              options: object,
            ): Promise<{
              violations: { id: string; impact: string | null; nodes: { target: unknown[] }[] }[];
            }>;
          };
        }
      ).axe;
      return (await axe.run(document, { resultTypes: ["violations"] })).violations;
    });
    const serious = violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => `${v.impact} ${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
    expect(serious).toEqual([]);
  });
});
