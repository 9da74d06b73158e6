/**
 * `npm run package [-- --worker-url https://continuity.<you>.workers.dev] [--no-build]`
 *
 * Builds the sidebar app, assembles the Zendesk app package in dist/package (manifest.json,
 * translations/, assets/: the folder `zcli apps:server dist/package` serves), checks it against
 * Zendesk's rules (an error stops here; what Zendesk only warns about is printed) and zips it to
 * dist/continuity-<version>.zip for upload as a private app. The Worker URL (or CONTINUITY_WORKER_URL) is written into the manifest's domainWhitelist.
 */
import {
  copyFileSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import path from "node:path";
import { zipSync } from "fflate";
import { buildApp, PACKAGE_DIR } from "../lib/app-build";
import { argValue, ROOT } from "../lib/local-env";
import { errorsOf, validatePackage } from "./rules";
import { EXAMPLE_WORKER_HOST, manifestForWorker } from "./worker-url";

/** Marketplace and location assets kept in the repo (banner.png is optional); the app build supplies the rest. */
const REPO_ASSETS =
  /^(logo\.png|logo-small\.png|banner\.png|screenshot-\d+\.png|icon_[a-z_]+\.svg)$/;

function filesBelow(dir: string, prefix = ""): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    const relative = prefix ? `${prefix}/${name}` : name;
    return statSync(full).isDirectory() ? filesBelow(full, relative) : [relative];
  });
}

async function main() {
  const args = process.argv.slice(2);
  const workerUrl = argValue(args, "--worker-url") ?? process.env.CONTINUITY_WORKER_URL;
  const version = (
    JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as {
      version: string;
    }
  ).version;

  const assetsDir = path.join(PACKAGE_DIR, "assets");
  mkdirSync(assetsDir, { recursive: true });
  if (!args.includes("--no-build")) await buildApp({ outDir: assetsDir, quiet: true });

  // Everything but the app build is rewritten, so nothing stale ends up in the zip.
  for (const name of readdirSync(PACKAGE_DIR))
    if (name !== "assets") rmSync(path.join(PACKAGE_DIR, name), { recursive: true, force: true });

  let manifest = JSON.parse(readFileSync(path.join(ROOT, "manifest.json"), "utf8")) as Record<
    string,
    unknown
  >;
  manifest = { ...manifest, version };
  if (workerUrl) manifest = manifestForWorker(manifest, workerUrl);
  writeFileSync(path.join(PACKAGE_DIR, "manifest.json"), `${JSON.stringify(manifest, null, 2)}\n`);
  // The account configuration the app brings (ticket fields admins can route on).
  copyFileSync(path.join(ROOT, "requirements.json"), path.join(PACKAGE_DIR, "requirements.json"));

  mkdirSync(path.join(PACKAGE_DIR, "translations"), { recursive: true });
  for (const name of readdirSync(path.join(ROOT, "translations")).filter((n) =>
    n.endsWith(".json"),
  ))
    copyFileSync(
      path.join(ROOT, "translations", name),
      path.join(PACKAGE_DIR, "translations", name),
    );
  for (const name of readdirSync(path.join(ROOT, "assets")).filter((n) => REPO_ASSETS.test(n)))
    copyFileSync(path.join(ROOT, "assets", name), path.join(assetsDir, name));

  const files = new Map(
    filesBelow(PACKAGE_DIR).map((p) => [
      p,
      new Uint8Array(readFileSync(path.join(PACKAGE_DIR, p))),
    ]),
  );
  const problems = validatePackage(files);
  const errors = errorsOf(problems);
  const warnings = problems.filter((p) => p.level === "warning");
  if (errors.length > 0) {
    console.error(`The package breaks ${errors.length} of Zendesk's rules:`);
    for (const p of errors) console.error(`  ✗ [${p.rule}] ${p.message}`);
    process.exit(1);
  }

  const zipFile = path.join(ROOT, "dist", `continuity-${version}.zip`);
  // A fixed date keeps the zip byte-identical when nothing in it changed.
  const mtime = new Date("2026-01-01T00:00:00Z");
  const zip = zipSync(Object.fromEntries([...files].map(([p, bytes]) => [p, [bytes, { mtime }]])), {
    level: 9,
  });
  writeFileSync(zipFile, zip);

  const domains = (manifest.domainWhitelist as string[] | undefined) ?? [];
  console.log(
    [
      `✓ ${files.size} files pass Zendesk's package rules`,
      ...(warnings.length > 0
        ? [
            `! ${warnings.length} things Zendesk will warn about on upload (review them; they do not stop it):`,
            ...warnings.map((p) => `  ! [${p.rule}] ${p.message}`),
          ]
        : []),
      `✓ ${path.relative(ROOT, zipFile)} (${(zip.length / 1024).toFixed(0)} KB): upload it as a private app`,
      `  ${path.relative(ROOT, PACKAGE_DIR)}/ is the same package unzipped: npm run apps:server`,
      `  Secure settings may be sent to: ${domains.join(", ")}`,
      ...(domains.includes(EXAMPLE_WORKER_HOST)
        ? [
            `! ${EXAMPLE_WORKER_HOST} is a placeholder: build for your Worker with`,
            "  npm run package -- --worker-url https://continuity.<you>.workers.dev",
          ]
        : []),
    ].join("\n"),
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
