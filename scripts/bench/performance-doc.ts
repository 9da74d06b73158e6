import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import * as prettier from "prettier";
import { ROOT } from "../lib/local-env";

const FILE = path.join(ROOT, "docs", "performance.md");

/**
 * Put a block of figures into docs/performance.md between its markers (appended under `heading`
 * if missing), formatted as `npm run format:check` expects.
 */
export async function writeBenchBlock(name: string, body: string, heading: string): Promise<void> {
  const doc = readFileSync(FILE, "utf8");
  const start = `<!-- bench:${name}:start -->`;
  const end = `<!-- bench:${name}:end -->`;
  const block = `${start}\n\n${body}\n\n${end}`;
  const updated = doc.includes(start)
    ? doc.replace(new RegExp(`${start}[\\s\\S]*${end}`), block)
    : `${doc.trimEnd()}\n\n## ${heading}\n\n${block}\n`;
  const options = (await prettier.resolveConfig(FILE)) ?? {};
  writeFileSync(FILE, await prettier.format(updated, { ...options, filepath: FILE }));
  console.log(`wrote ${path.relative(ROOT, FILE)}`);
}
