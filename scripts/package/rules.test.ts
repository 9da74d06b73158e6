import { describe, expect, it } from "vitest";
import {
  PARAMETER_TYPES,
  SECURE_SCOPES,
  errorsOf,
  validatePackage,
  type Level,
  type Problem,
  type Rule,
} from "./rules";

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
      { name: "appSecret", type: "text", required: true, secure: true, scopes: ["header"] },
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
        appSecret: { label: "App key", helpText: "…" },
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
    // As the app sends it: Zendesk does not flag `appSecret` (its words are matched case-sensitively).
    ["assets/index-abc123.js", text('headers:{Authorization:"Bearer {{setting.appSecret}}"}')],
    ["assets/icon_nav_bar.svg", text('<svg viewBox="0 0 18 18"></svg>')],
    ["assets/logo.png", png(320, 320, 2)],
    ["assets/logo-small.png", png(128, 128, 6)],
    ["assets/screenshot-0.png", png(1024, 768)],
    ["assets/screenshot-1.png", png(1024, 768)],
    ["assets/screenshot-2.png", png(1024, 768)],
  ]);
}

/** The valid package with one file added, replaced (a value) or removed (null). */
function withFile(path: string, bytes: Uint8Array | null, base = valid()): Map<string, Uint8Array> {
  if (bytes) base.set(path, bytes);
  else base.delete(path);
  return base;
}
const requirements = (value: unknown) => withFile("requirements.json", json(value));
const OAUTH = {
  client_id: "continuity",
  client_secret: "from the vendor",
  authorize_uri: "https://auth.example.com/authorize",
  access_token_uri: "https://auth.example.com/token",
};
const withOauth = (m: Json, parameter: Json = {}) => {
  m.oauth = { ...OAUTH };
  m.parameters.push({ name: "login", type: "oauth", ...parameter });
};
const mtls = (extra: Json = {}) => ({
  name: "certificate",
  type: "mtls",
  allowed_domain: "api.example.com",
  ...extra,
});
/** A macro requirement: a title and its actions. */
const macro = (title: string) => ({ title, actions: [{ field: "status", value: "open" }] });
const macros = (count: number) =>
  Object.fromEntries(Array.from({ length: count }, (_, i) => [`macro_${i}`, macro(`M${i}`)]));

describe("validatePackage", () => {
  it("passes a package that follows every rule", () => {
    expect(validatePackage(valid())).toEqual([]);
  });

  /** What breaks, the package, the rule it breaks, and (where one rule checks several things) how. */
  const cases: [string, Map<string, Uint8Array>, Rule, RegExp?, Level?][] = [
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
      "password parameter",
      valid({ manifest: (m) => (m.parameters[1].type = "password") }),
      "manifest.parameters",
      /"password" is no longer accepted.*"text" with "secure": true/,
    ],
    [
      "hidden parameter with a default",
      valid({ manifest: (m) => m.parameters.push({ name: "h", type: "hidden", default: "x" }) }),
      "manifest.parameters",
      /stored in plain text/,
      "warning",
    ],
    [
      "scopes on a parameter that is not secure",
      valid({ manifest: (m) => (m.parameters[0].scopes = ["url"]) }),
      "manifest.secure_parameters",
      /scopes belong to secure parameters/,
    ],
    [
      "secure oauth parameter",
      valid({ manifest: (m) => withOauth(m, { secure: true, scopes: ["header"] }) }),
      "manifest.oauth",
      /cannot be secure/,
    ],
    [
      "oauth parameter without the oauth block",
      valid({ manifest: (m) => m.parameters.push({ name: "login", type: "oauth" }) }),
      "manifest.oauth",
      /needs the manifest's oauth block/,
    ],
    [
      "oauth block without client_secret",
      valid({
        manifest: (m) => {
          withOauth(m);
          delete m.oauth.client_secret;
        },
      }),
      "manifest.oauth",
      /missing client_secret/,
    ],
    [
      "oauth block without an oauth parameter",
      valid({ manifest: (m) => (m.oauth = { ...OAUTH }) }),
      "manifest.oauth",
      /needs a parameter of type "oauth"/,
    ],
    [
      "two oauth parameters",
      valid({
        manifest: (m) => {
          withOauth(m);
          m.parameters.push({ name: "login2", type: "oauth" });
        },
      }),
      "manifest.oauth",
      /only one oauth parameter/,
    ],
    [
      "an mtls parameter, which Zendesk accepts only where mTLS is on",
      valid({ manifest: (m) => m.parameters.push(mtls()) }),
      "manifest.mtls_parameters",
      /only where it has turned mTLS on/,
      "warning",
    ],
    [
      "secure mtls parameter",
      valid({ manifest: (m) => m.parameters.push(mtls({ secure: true, scopes: ["header"] })) }),
      "manifest.mtls_parameters",
      /may not be secure/,
    ],
    [
      "mtls parameter with a default",
      valid({ manifest: (m) => m.parameters.push(mtls({ default: "" })) }),
      "manifest.mtls_parameters",
      /may not be secure or have a default/,
    ],
    [
      "mtls parameter without allowed_domain",
      valid({ manifest: (m) => m.parameters.push(mtls({ allowed_domain: undefined })) }),
      "manifest.mtls_parameters",
      /needs an allowed_domain/,
    ],
    [
      "mtls allowed_domain with a scheme",
      valid({
        manifest: (m) => m.parameters.push(mtls({ allowed_domain: "https://api.example.com" })),
      }),
      "manifest.mtls_parameters",
      /must be a host name/,
    ],
    [
      "mtls allowed_domain with a wildcard inside",
      valid({ manifest: (m) => m.parameters.push(mtls({ allowed_domain: "api.*.example.com" })) }),
      "manifest.mtls_parameters",
      /must be a host name/,
    ],
    [
      "four mtls parameters",
      valid({
        manifest: (m) => {
          for (const n of [1, 2, 3, 4]) m.parameters.push(mtls({ name: `certificate${n}` }));
        },
      }),
      "manifest.mtls_parameters",
      /at most 3/,
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
    [
      "termsConditionsURL not a URL",
      valid({ manifest: (m) => (m.termsConditionsURL = "terms") }),
      "manifest.types",
      /termsConditionsURL must be a URL/,
    ],
    [
      "an experiment Zendesk does not allow",
      valid({ manifest: (m) => (m.experiments = { hashParams: true, fastLane: true }) }),
      "manifest.experiments",
    ],
    [
      "experiments not an object",
      valid({ manifest: (m) => (m.experiments = ["hashParams"]) }),
      "manifest.experiments",
      /must be an object/,
    ],
    [
      "system_top_bar without its icon",
      valid({ manifest: (m) => (m.location.support.system_top_bar = "assets/iframe.html") }),
      "manifest.location_icons",
    ],
    [
      "a parameter without a label in another locale",
      withFile(
        "translations/de.json",
        json({ app: { parameters: { appSecret: { helpText: "…" } } } }),
      ),
      "translations.parameter_labels",
      /de\.json: app\.parameters\.appSecret needs a label/,
    ],
    ["requirements.json not JSON", withFile("requirements.json", text("{")), "requirements.json"],
    [
      "requirements.json in a marketingOnly app",
      (() => {
        const f = requirements({ macros: macros(1) });
        f.set("manifest.json", json({ ...manifest(), marketingOnly: true }));
        return f;
      })(),
      "requirements.json",
      /marketingOnly/,
    ],
    [
      "a requirementsOnly app without requirements.json",
      valid({ manifest: (m) => (m.requirementsOnly = true) }),
      "requirements.json",
      /needs requirements\.json/,
    ],
    [
      "an unknown requirement type",
      requirements({ tickets: { welcome: { title: "Welcome" } } }),
      "requirements.types",
    ],
    [
      "5,001 requirements",
      requirements({ macros: macros(4001), views: macros(1000) }),
      "requirements.count",
      /at most 5000/,
    ],
    [
      "51 custom object requirements",
      requirements({
        custom_objects: {
          custom_object_types: Array.from({ length: 51 }, (_, i) => ({ key: `o${i}`, schema: {} })),
        },
      }),
      "requirements.count",
      /at most 50 custom_objects/,
    ],
    [
      "a webhook without request_format",
      requirements({
        webhooks: {
          events: { name: "Events", status: "active", endpoint: "https://e", http_method: "POST" },
        },
      }),
      "requirements.webhooks",
      /request_format/,
    ],
    [
      "an http_target",
      requirements({ targets: { old: { title: "Old", type: "http_target" } } }),
      "requirements.targets",
    ],
    [
      "a url_target_v2",
      requirements({ targets: { old: { title: "Old", type: "url_target_v2" } } }),
      "requirements.targets",
    ],
    [
      "a macro without a title",
      requirements({ macros: { m: { actions: [] } } }),
      "requirements.required_fields",
      /macros m needs a title/,
    ],
    [
      "a user field without a key",
      requirements({ user_fields: { tier: { title: "Tier", type: "text" } } }),
      "requirements.required_fields",
      /user_fields tier needs a key/,
    ],
    [
      "two channel integrations",
      requirements({
        channel_integrations: {
          a: { manifest_url: "https://a.example.com/manifest" },
          b: { manifest_url: "https://b.example.com/manifest" },
        },
      }),
      "requirements.required_fields",
      /at most one channel_integrations/,
    ],
    [
      "custom_objects without custom_object_types",
      requirements({
        custom_objects: {
          custom_object_relationship_types: [{ key: "owns", source: "a", target: "b" }],
        },
      }),
      "requirements.required_fields",
      /custom_objects needs custom_object_types/,
    ],
    [
      "a custom object type without a schema",
      requirements({ custom_objects: { custom_object_types: [{ key: "order" }] } }),
      "requirements.required_fields",
      /needs a schema/,
    ],
    [
      "banner of the wrong size",
      withFile("assets/banner.png", png(830, 400)),
      "assets.banner",
      /830×200 or 1660×400/,
    ],
    ["banner not a PNG", withFile("assets/banner.png", text("GIF89a".padEnd(40))), "assets.banner"],
    [
      "the word password in a translation",
      valid({ english: (t) => (t.app.installation_instructions = "Paste the password.") }),
      "package.secret_words",
      /translations\/en\.json: Zendesk will flag "password"/,
      "warning",
    ],
    [
      "a token-like value in a script",
      withFile("assets/index-abc123.js", text('const token = "abcdef0123456789";')),
      "package.secret_words",
      /index-abc123\.js: Zendesk will flag something like a Token/,
      "warning",
    ],
    [
      "an http:// address in a script",
      withFile("assets/index-abc123.js", text('fetch("http://api.example.com/v1")')),
      "package.http_urls",
      /http:\/\/api\.example\.com\/v1/,
      "warning",
    ],
  ];

  it.each(cases)("reports %s", (_, files, rule, message, level = "error") => {
    const problems = validatePackage(files).filter((p) => p.rule === rule);
    expect(problems.map((p) => p.level)).toContain(level);
    if (message)
      expect(problems.map((p) => p.message)).toContainEqual(expect.stringMatching(message));
  });

  /** Errors only: some of these draw Zendesk's warnings (`client_secret`, `basic_auth_password`). */
  const passes = (files: Map<string, Uint8Array>): Problem[] => errorsOf(validatePackage(files));

  it("accepts every parameter type Zendesk accepts, password no more", () => {
    expect(PARAMETER_TYPES).not.toContain("password");
    const files = valid({
      manifest: (m) => {
        for (const type of ["text", "checkbox", "url", "number", "multiline", "hidden"])
          m.parameters.push({ name: `a_${type}`, type });
        withOauth(m);
        m.parameters.push(mtls());
      },
      english: (t) => {
        for (const type of ["text", "checkbox", "url", "number", "multiline", "oauth", "mtls"])
          t.app.parameters[`a_${type}`] = { label: type };
        t.app.parameters.login = { label: "Sign in" };
        t.app.parameters.certificate = { label: "Certificate" };
      },
    });
    expect(passes(files)).toEqual([]);
  });

  it("accepts every scope Zendesk accepts", () => {
    const files = valid({ manifest: (m) => (m.parameters[1].scopes = [...SECURE_SCOPES]) });
    expect(SECURE_SCOPES).toContain("jwt_claim");
    expect(passes(files)).toEqual([]);
  });

  it("accepts an mtls parameter for every subdomain of a host", () => {
    const files = valid({
      manifest: (m) => m.parameters.push(mtls({ allowed_domain: "*.example.com" })),
      english: (t) => (t.app.parameters.certificate = { label: "Certificate" }),
    });
    expect(passes(files)).toEqual([]);
  });

  it("accepts a three-letter locale", () => {
    expect(passes(withFile("translations/fil.json", json({ app: {} })))).toEqual([]);
  });

  it("accepts a banner of 830×200 or twice that", () => {
    expect(passes(withFile("assets/banner.png", png(830, 200)))).toEqual([]);
    expect(passes(withFile("assets/banner.png", png(1660, 400)))).toEqual([]);
  });

  it("accepts a requirements.json within Zendesk's rules, 5,000 requirements included", () => {
    const files = requirements({
      macros: macros(4000),
      views: macros(995),
      targets: { mail: { title: "Mail", type: "email_target", email: "ops@example.com" } },
      user_fields: { tier: { title: "Tier", key: "tier", type: "text" } },
      webhooks: {
        events: {
          name: "Events",
          status: "active",
          endpoint: "https://e.example.com",
          http_method: "POST",
          request_format: "json",
        },
      },
      channel_integrations: { chat: { manifest_url: "https://c.example.com/manifest" } },
      custom_objects: { custom_object_types: [{ key: "order", schema: {} }] },
    });
    expect(passes(files)).toEqual([]);
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
