import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "../lib/local-env";
import { readPngHeader } from "./png";
import { errorsOf, validatePackage } from "./rules";
import { EXAMPLE_WORKER_HOST, manifestForWorker } from "./worker-url";

const read = (...parts: string[]) => new Uint8Array(readFileSync(path.join(ROOT, ...parts)));

describe("the package sources in the repo", () => {
  it("pass Zendesk's rules, with the app build standing in as assets/iframe.html", () => {
    const files = new Map<string, Uint8Array>([
      ["manifest.json", read("manifest.json")],
      ["assets/iframe.html", new TextEncoder().encode("<!doctype html>")],
    ]);
    for (const name of readdirSync(path.join(ROOT, "translations")))
      files.set(`translations/${name}`, read("translations", name));
    for (const name of readdirSync(path.join(ROOT, "assets")).filter((n) => !n.startsWith(".")))
      files.set(`assets/${name}`, read("assets", name));
    const problems = validatePackage(files);
    expect(errorsOf(problems)).toEqual([]);
    // The words Zendesk will warn about and we keep: "app secret" is the name the tenant CLI,
    // the README and docs/zendesk-setup.md give the setting, and password_reset is a workflow id
    // shared with the Worker. A warning anywhere else is new: use a plainer word.
    expect(problems.filter((p) => p.level === "warning")).toEqual(
      ["de", "en", "es"].map((locale) =>
        expect.objectContaining({
          rule: "package.secret_words",
          message: expect.stringMatching(new RegExp(`^translations/${locale}\\.json: `)),
        }),
      ),
    );
  });
});

describe("readPngHeader", () => {
  it("reads the committed logos' real dimensions", () => {
    expect(readPngHeader(read("assets", "logo.png"))).toMatchObject({ width: 320, height: 320 });
    expect(readPngHeader(read("assets", "logo-small.png"))).toMatchObject({
      width: 128,
      height: 128,
      colorType: 6,
      bitDepth: 8,
    });
  });

  it("refuses what is not a PNG", () => {
    expect(readPngHeader(new TextEncoder().encode("<svg></svg>".padEnd(40)))).toBeNull();
    expect(readPngHeader(read("assets", "logo.png").slice(0, 20))).toBeNull();
  });
});

describe("manifestForWorker", () => {
  const source = JSON.parse(readFileSync(path.join(ROOT, "manifest.json"), "utf8")) as Record<
    string,
    unknown
  > & { parameters: { name: string; default?: string }[] };

  it("starts from a placeholder host", () => {
    expect(source.domainWhitelist).toEqual([EXAMPLE_WORKER_HOST]);
  });

  it("whitelists the Worker's host and makes its URL the workerUrl default", () => {
    const built = manifestForWorker(source, "https://continuity.acme.workers.dev");
    expect(built.domainWhitelist).toEqual(["continuity.acme.workers.dev"]);
    expect(built.parameters?.find((p) => p.name === "workerUrl")?.default).toBe(
      "https://continuity.acme.workers.dev",
    );
    expect(built.parameters?.find((p) => p.name === "appSecret")?.default).toBeUndefined();
  });

  it("refuses a Worker URL Zendesk's proxy could not use", () => {
    expect(() => manifestForWorker(source, "http://continuity.acme.workers.dev")).toThrow(/https/);
    expect(() => manifestForWorker(source, "https://acme.workers.dev/v1")).toThrow(/no path/);
    expect(() => manifestForWorker(source, "continuity")).toThrow(/URL/);
  });
});
