import path from "node:path";
import { build, resolveConfig } from "vite";
import { ROOT } from "./local-env";

export const APP_VITE_CONFIG = path.join(ROOT, "app", "vite.config.ts");
/** The app package folder Zendesk (and `zcli apps:server`) reads: manifest, translations, assets. */
export const PACKAGE_DIR = path.join(ROOT, "dist", "package");

/** Where `npm run build:app` writes, as the app's Vite config says. */
export async function appOutDir(): Promise<string> {
  const config = await resolveConfig({ configFile: APP_VITE_CONFIG, logLevel: "silent" }, "build");
  return path.resolve(config.root, config.build.outDir);
}

/**
 * The production build of the sidebar app (what `npm run build:app` does), optionally into
 * another folder so a test run never overwrites the package a person is looking at.
 */
export async function buildApp(
  options: { outDir?: string; quiet?: boolean } = {},
): Promise<string> {
  const outDir = options.outDir ?? (await appOutDir());
  await build({
    configFile: APP_VITE_CONFIG,
    logLevel: options.quiet ? "warn" : "info",
    build: { outDir, emptyOutDir: true },
  });
  return outDir;
}
