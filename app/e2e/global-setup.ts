import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { buildApp } from "../../scripts/lib/app-build";
import { requireChromium } from "../../scripts/lib/chromium";
import { startLocalStack } from "../../scripts/lib/local-stack";
import type { StandinUrls } from "../../scripts/standins/index";

export interface E2eEnvironment {
  workerUrl: string;
  operatorToken: string;
  standins: StandinUrls;
  /** The production build of the app, as a package folder (its `assets/`). */
  appDir: string;
  /** The Worker's process group: a test may pause it (SIGSTOP) to play a frozen Worker. */
  workerGroup: number | null;
}

declare module "vitest" {
  export interface ProvidedContext {
    e2e: E2eEnvironment;
  }
}

/**
 * Once per run: check Chromium is there (a missing browser fails the run with the fix, it never
 * skips), build the app for production into a folder of its own, and start a fresh Worker with
 * its own database plus the vendor stand-ins.
 */
export default async function setup(project: TestProject) {
  requireChromium();
  const appDir = mkdtempSync(path.join(tmpdir(), "continuity-e2e-app-"));
  const [stack] = await Promise.all([
    startLocalStack(),
    buildApp({ outDir: path.join(appDir, "assets"), quiet: true }),
  ]);
  project.provide("e2e", {
    workerUrl: stack.workerUrl,
    operatorToken: stack.operatorToken,
    standins: stack.standins,
    appDir,
    workerGroup: stack.workerGroup,
  });
  return async () => {
    await stack.stop();
    rmSync(appDir, { recursive: true, force: true });
  };
}
