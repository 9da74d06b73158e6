import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "..", "..");
const translations = join(root, "translations");
const sources = join(root, "app", "src");

type Tree = { [key: string]: string | Tree };

function read(locale: string): Tree {
  return JSON.parse(readFileSync(join(translations, `${locale}.json`), "utf8")) as Tree;
}

/** Dotted keys of every string; a plural entry ({one, other, …}) counts as one key. */
function keys(tree: Tree, prefix = ""): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [name, value] of Object.entries(tree)) {
    const key = `${prefix}${name}`;
    if (typeof value === "string") out.set(key, [value]);
    else if ("other" in value) out.set(key, Object.values(value) as string[]);
    else for (const [k, v] of keys(value, `${key}.`)) out.set(k, v);
  }
  return out;
}

const placeholders = (texts: string[]) =>
  [...new Set(texts.flatMap((text) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1])))].sort();

function componentFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? componentFiles(join(dir, entry.name))
      : /\.tsx?$/.test(entry.name) && !entry.name.endsWith(".d.ts")
        ? [join(dir, entry.name)]
        : [],
  );
}

const english = keys(read("en"));
const locales = readdirSync(translations)
  .filter((name) => name.endsWith(".json") && name !== "en.json")
  .map((name) => name.replace(/\.json$/, ""));

describe("translations", () => {
  it("include at least one locale besides English", () => {
    expect(locales.length).toBeGreaterThan(0);
  });

  it.each(locales)("%s has every key English has, with the same placeholders", (locale) => {
    const other = keys(read(locale));
    const missing = [...english.keys()].filter((key) => !other.has(key));
    expect(missing).toEqual([]);
    const extra = [...other.keys()].filter((key) => !english.has(key));
    expect(extra).toEqual([]);
    const mismatched = [...english].filter(
      ([key, texts]) =>
        key.startsWith("continuity.") &&
        JSON.stringify(placeholders(texts)) !== JSON.stringify(placeholders(other.get(key)!)),
    );
    expect(mismatched.map(([key]) => key)).toEqual([]);
  });

  it("cover every literal key a component asks for", () => {
    const used = componentFiles(sources).flatMap((file) =>
      [...readFileSync(file, "utf8").matchAll(/\bt\(\s*"([^"]+)"/g)].map((m) => ({
        file,
        key: `continuity.${m[1]}`,
      })),
    );
    expect(used.length).toBeGreaterThan(50);
    expect(used.filter(({ key }) => !english.has(key))).toEqual([]);
  });

  it("leave no readable text hard-coded in a component", () => {
    const offenders = componentFiles(sources)
      .filter((file) => file.endsWith(".tsx"))
      .flatMap((file) => {
        const source = readFileSync(file, "utf8");
        // Text between a closing ">" (not an arrow's "=>") and the next tag.
        const jsxText = [...source.matchAll(/(?<!=)>\s*([^<>{}\n]*[A-Za-z][^<>{}\n]*?)\s*</g)]
          .map((m) => m[1]!.trim())
          // `=> <Foo`, `x ? (` and generics such as Promise<void> are code, not text.
          .filter((text) => !/[=;()?&|]/.test(text) && /[A-Za-z]{2,}/.test(text));
        const attributes = [
          ...source.matchAll(/\b(aria-label|title|placeholder|alt|label)="([^"]*[A-Za-z][^"]*)"/g),
        ].map((m) => `${m[1]}="${m[2]}"`);
        return [...jsxText, ...attributes].map((text) => `${file}: ${text}`);
      });
    expect(offenders).toEqual([]);
  });
});
