import { describe, expect, it } from "vitest";
import { validatePackage, type Rule } from "./rules";

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** A PNG header only (signature and IHDR): all the validator reads. */
function png(width: number, height: number, colorType = 6, bitDepth = 8): Uint8Array {
  const bytes = new Uint8Array(33);
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const view = new DataView(bytes.buffer);
  view.setUint32(8, 13);
  bytes.set([0x49, 0x48, 0x44, 0x52], 12); // IHDR
  view.setUint32(16, width);
  view.setUint32(20, height);
  bytes[24] = bitDepth;
  bytes[25] = colorType;
  return bytes;
}

const text = (value: string) => new TextEncoder().encode(value);
const json = (value: unknown) => text(JSON.stringify(value));

function manifest(): Json {
  return {
    name: "Continuity",
    author: { name: "Continuity", email: "support@example.com", url: "https://example.com" },
    defaultLocale: "en",
    private: false,
    version: "0.1.0",
    frameworkVersion: "2.0",
    location: {
      support: {
        ticket_sidebar: { url: "assets/iframe.html", flexible: true },
        nav_bar: { url: "assets/iframe.html" },
      },
    },
    domainWhitelist: ["continuity.acme.workers.dev"],
    parameters: [
      { name: "workerUrl", type: "url", required: true },
      { name: "appSecret", type: "password", required: true, secure: true, scopes: ["header"] },
    ],
  };
}

function english(): Json {
  return {
    app: {
      name: "Continuity",
      short_description: "One thread per issue.",
      long_description: "Longer.",
      installation_instructions: "Install it.",
      parameters: {
        workerUrl: { label: "Worker URL", helpText: "…" },
        appSecret: { label: "App secret", helpText: "…" },
      },
    },
    sidebar: { title: "UI strings live beside the app section" },
  };
}

/** A package that passes every rule; each case below breaks exactly one. */
function valid(
  change: { manifest?: (m: Json) => void; english?: (t: Json) => void } = {},
): Map<string, Uint8Array> {
  const m = manifest();
  change.manifest?.(m);
  const en = english();
  change.english?.(en);
  return new Map<string, Uint8Array>([
    ["manifest.json", json(m)],
    ["translations/en.json", json(en)],
    ["assets/iframe.html", text("<!doctype html>")],
    ["assets/index-abc123.js", text("void 0")],
    ["assets/icon_nav_bar.svg", text('<svg viewBox="0 0 18 18"></svg>')],
    ["assets/logo.png", png(320, 320, 2)],
    ["assets/logo-small.png", png(128, 128, 6)],
    ["assets/screenshot-0.png", png(1024, 768)],
    ["assets/screenshot-1.png", png(1024, 768)],
    ["assets/screenshot-2.png", png(1024, 768)],
  ]);
}

const rulesOf = (files: Map<string, Uint8Array>) => validatePackage(files).map((p) => p.rule);

describe("validatePackage", () => {
  it("passes a package that follows every rule", () => {
    expect(validatePackage(valid())).toEqual([]);
  });

  const cases: [string, Map<string, Uint8Array>, Rule][] = [
    [
      "manifest.json missing",
      (() => {
        const f = valid();
        f.delete("manifest.json");
        return f;
      })(),
      "manifest.json",
    ],
    [
      "manifest.json not JSON",
      new Map([...valid(), ["manifest.json", text("{")]]),
      "manifest.json",
    ],
    ["no author", valid({ manifest: (m) => delete m.author }), "manifest.required_keys"],
    [
      "author without email",
      valid({ manifest: (m) => delete m.author.email }),
      "manifest.required_keys",
    ],
    [
      "author url not a URL",
      valid({ manifest: (m) => (m.author.url = "acme") }),
      "manifest.required_keys",
    ],
    [
      "no defaultLocale",
      valid({ manifest: (m) => delete m.defaultLocale }),
      "manifest.required_keys",
    ],
    ["no location", valid({ manifest: (m) => delete m.location }), "manifest.required_keys"],
    [
      "no frameworkVersion",
      valid({ manifest: (m) => delete m.frameworkVersion }),
      "manifest.required_keys",
    ],
    ["no name", valid({ manifest: (m) => delete m.name }), "manifest.required_keys"],
    [
      "frameworkVersion 1.0",
      valid({ manifest: (m) => (m.frameworkVersion = "1.0") }),
      "manifest.framework_version",
    ],
    [
      "frameworkVersion as a number",
      valid({ manifest: (m) => (m.frameworkVersion = 2) }),
      "manifest.framework_version",
    ],
    ["private as a string", valid({ manifest: (m) => (m.private = "false") }), "manifest.types"],
    ["version as a number", valid({ manifest: (m) => (m.version = 1) }), "manifest.types"],
    [
      "defaultLocale not a locale",
      valid({ manifest: (m) => (m.defaultLocale = "english") }),
      "manifest.default_locale",
    ],
    [
      "defaultLocale without its file",
      valid({ manifest: (m) => (m.defaultLocale = "fr") }),
      "manifest.default_locale",
    ],
    [
      "location url outside assets/",
      valid({ manifest: (m) => (m.location.support.ticket_sidebar.url = "iframe.html") }),
      "manifest.locations",
    ],
    [
      "location url not in the package",
      valid({ manifest: (m) => (m.location.support.ticket_sidebar.url = "assets/missing.html") }),
      "manifest.locations",
    ],
    [
      "location url over http",
      valid({
        manifest: (m) => (m.location.support.ticket_sidebar.url = "http://app.example.com/"),
      }),
      "manifest.locations",
    ],
    [
      "location without url",
      valid({ manifest: (m) => (m.location.support.ticket_sidebar = { flexible: true }) }),
      "manifest.locations",
    ],
    [
      "unknown location",
      valid({ manifest: (m) => (m.location.support.ticket_footer = "assets/iframe.html") }),
      "manifest.locations",
    ],
    [
      "unknown product",
      valid({ manifest: (m) => (m.location.desk = { ticket_sidebar: "assets/iframe.html" }) }),
      "manifest.locations",
    ],
    [
      "flexible as a string",
      valid({ manifest: (m) => (m.location.support.ticket_sidebar.flexible = "yes") }),
      "manifest.locations",
    ],
    [
      "nav_bar without its icon",
      (() => {
        const f = valid();
        f.delete("assets/icon_nav_bar.svg");
        return f;
      })(),
      "manifest.location_icons",
    ],
    [
      "parameters not an array",
      valid({ manifest: (m) => (m.parameters = {}) }),
      "manifest.parameters",
    ],
    [
      "unknown parameter type",
      valid({ manifest: (m) => (m.parameters[0].type = "string") }),
      "manifest.parameters",
    ],
    [
      "duplicate parameter",
      valid({ manifest: (m) => m.parameters.push({ name: "workerUrl", type: "url" }) }),
      "manifest.parameters",
    ],
    [
      "parameter called name",
      valid({ manifest: (m) => (m.parameters[0].name = "name") }),
      "manifest.parameters",
    ],
    [
      "required as a string",
      valid({ manifest: (m) => (m.parameters[0].required = "true") }),
      "manifest.parameters",
    ],
    [
      "required hidden parameter",
      valid({ manifest: (m) => m.parameters.push({ name: "h", type: "hidden", required: true }) }),
      "manifest.parameters",
    ],
    [
      "secure oauth parameter",
      valid({
        manifest: (m) =>
          m.parameters.push({ name: "o", type: "oauth", secure: true, scopes: ["header"] }),
      }),
      "manifest.parameters",
    ],
    [
      "secure parameter without scopes",
      valid({ manifest: (m) => delete m.parameters[1].scopes }),
      "manifest.secure_parameters",
    ],
    [
      "secure parameter with empty scopes",
      valid({ manifest: (m) => (m.parameters[1].scopes = []) }),
      "manifest.secure_parameters",
    ],
    [
      "unknown scope",
      valid({ manifest: (m) => (m.parameters[1].scopes = ["cookie"]) }),
      "manifest.secure_parameters",
    ],
    [
      "secure parameter with a default",
      valid({ manifest: (m) => (m.parameters[1].default = "s3cret") }),
      "manifest.secure_parameters",
    ],
    [
      "credential that is not secure",
      valid({ manifest: (m) => delete m.parameters[1].secure }),
      "manifest.secure_parameters",
    ],
    [
      "secure parameter, no domainWhitelist",
      valid({ manifest: (m) => delete m.domainWhitelist }),
      "manifest.domain_whitelist",
    ],
    [
      "setting placeholder in domainWhitelist",
      valid({ manifest: (m) => (m.domainWhitelist = ["{{setting.workerHost}}"]) }),
      "manifest.domain_whitelist",
    ],
    [
      "URL instead of a host in domainWhitelist",
      valid({ manifest: (m) => (m.domainWhitelist = ["https://continuity.acme.workers.dev"]) }),
      "manifest.domain_whitelist",
    ],
    [
      "domainWhitelist not an array",
      valid({ manifest: (m) => (m.domainWhitelist = "acme.com") }),
      "manifest.domain_whitelist",
    ],
    [
      "translation file not JSON",
      new Map([...valid(), ["translations/de.json", text("nope")]]),
      "translations.json",
    ],
    [
      "translation file not a locale",
      new Map([...valid(), ["translations/german.json", json({})]]),
      "translations.json",
    ],
    ["no app section", valid({ english: (t) => delete t.app }), "translations.required_keys"],
    ["no app.name", valid({ english: (t) => delete t.app.name }), "translations.required_keys"],
    [
      "no short_description",
      valid({ english: (t) => delete t.app.short_description }),
      "translations.required_keys",
    ],
    [
      "no long_description",
      valid({ english: (t) => delete t.app.long_description }),
      "translations.required_keys",
    ],
    [
      "no installation_instructions",
      valid({ english: (t) => (t.app.installation_instructions = " ") }),
      "translations.required_keys",
    ],
    [
      "app.name too long",
      valid({ english: (t) => (t.app.name = "C".repeat(41)) }),
      "translations.required_keys",
    ],
    [
      "app.name says for Zendesk",
      valid({ english: (t) => (t.app.name = "Continuity for Zendesk") }),
      "translations.required_keys",
    ],
    [
      "parameter without a label",
      valid({ english: (t) => delete t.app.parameters.appSecret }),
      "translations.parameter_labels",
    ],
    [
      "parameter label empty",
      valid({ english: (t) => (t.app.parameters.workerUrl.label = "") }),
      "translations.parameter_labels",
    ],
    [
      "logo missing",
      (() => {
        const f = valid();
        f.delete("assets/logo.png");
        return f;
      })(),
      "assets.logos",
    ],
    ["logo wrong size", new Map([...valid(), ["assets/logo.png", png(300, 300)]]), "assets.logos"],
    [
      "small logo wrong size",
      new Map([...valid(), ["assets/logo-small.png", png(128, 120)]]),
      "assets.logos",
    ],
    [
      "small logo without alpha",
      new Map([...valid(), ["assets/logo-small.png", png(128, 128, 2)]]),
      "assets.logos",
    ],
    [
      "logo not a PNG",
      new Map([...valid(), ["assets/logo.png", text("GIF89a".padEnd(40, "x"))]]),
      "assets.logos",
    ],
    [
      "screenshot wrong size",
      new Map([...valid(), ["assets/screenshot-1.png", png(1280, 800)]]),
      "assets.screenshots",
    ],
    [
      "four screenshots",
      new Map([...valid(), ["assets/screenshot-3.png", png(1024, 768)]]),
      "assets.screenshots",
    ],
    [
      "screenshots with a gap",
      (() => {
        const f = valid();
        f.delete("assets/screenshot-1.png");
        return f;
      })(),
      "assets.screenshots",
    ],
    [
      "no screenshots in a public app",
      (() => {
        const f = valid();
        for (const n of [0, 1, 2]) f.delete(`assets/screenshot-${n}.png`);
        return f;
      })(),
      "assets.screenshots",
    ],
    ["a file outside assets/", new Map([...valid(), ["README.md", text("#")]]), "package.files"],
    [
      "an asset of a refused type",
      new Map([...valid(), ["assets/run.sh", text("#!")]]),
      "package.files",
    ],
  ];

  it.each(cases)("reports %s", (_, files, rule) => {
    expect(rulesOf(files)).toContain(rule);
  });

  it("lets a private app leave out marketplace texts and screenshots", () => {
    const files = valid({
      manifest: (m) => (m.private = true),
      english: (t) => {
        delete t.app.long_description;
        delete t.app.short_description;
        delete t.app.installation_instructions;
      },
    });
    for (const n of [0, 1, 2]) files.delete(`assets/screenshot-${n}.png`);
    expect(validatePackage(files)).toEqual([]);
  });

  it("accepts the legacy app.description for short_description", () => {
    const files = valid({
      english: (t) => {
        t.app.description = t.app.short_description;
        delete t.app.short_description;
      },
    });
    expect(validatePackage(files)).toEqual([]);
  });
});
