import { readPngHeader } from "./png";

/**
 * Zendesk's documented rules for an app package, checked before we zip it. Sources: the manifest
 * reference, "Create app brand assets", and the validator Zendesk runs on upload
 * (zendesk/zendesk_apps_support: validations/{manifest,translations,secure_settings,screenshots}.rb);
 * docs/vendor-contracts.md §7 has the details. Things Zendesk only warns about (a secure setting
 * without scopes, a token-like setting that is not secure) are errors here: we ship none of them.
 */

export type Rule =
  | "manifest.json"
  | "manifest.required_keys"
  | "manifest.framework_version"
  | "manifest.types"
  | "manifest.default_locale"
  | "manifest.locations"
  | "manifest.location_icons"
  | "manifest.parameters"
  | "manifest.secure_parameters"
  | "manifest.domain_whitelist"
  | "translations.json"
  | "translations.required_keys"
  | "translations.parameter_labels"
  | "assets.logos"
  | "assets.screenshots"
  | "package.files";

export interface Problem {
  rule: Rule;
  message: string;
}

/** Every file of the package by its path inside the zip (`manifest.json`, `assets/logo.png`…). */
export type PackageFiles = ReadonlyMap<string, Uint8Array>;

export const PARAMETER_TYPES = [
  "text",
  "password",
  "checkbox",
  "url",
  "number",
  "multiline",
  "hidden",
  "oauth",
] as const;
/** Where a secure setting's placeholder may be rendered by Zendesk's proxy. */
export const SECURE_SCOPES = ["header", "body", "url"] as const;
export const SUPPORT_LOCATIONS = [
  "background",
  "modal",
  "nav_bar",
  "new_ticket_sidebar",
  "organization_sidebar",
  "ticket_editor",
  "ticket_sidebar",
  "top_bar",
  "user_sidebar",
  "system_top_bar",
] as const;
/** Locations Zendesk draws an icon for, from assets/icon_<location>.svg. */
const ICON_LOCATIONS = ["nav_bar", "top_bar", "ticket_editor"];
const LOCALE = /^[a-z]{2}(-\w{2,3})?$/;
const PUBLIC_APP_KEYS = [
  "name",
  "short_description",
  "long_description",
  "installation_instructions",
];
const ASSET_TYPES = /\.(png|jpe?g|gif|svg|js|html?|css|map|eot|woff2?|otf|ttf|json|xml|hbs|hdbs)$/i;
const HOSTNAME =
  /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/i;
// Zendesk warns about token, key, pwd and password; a secret is no less of a credential.
const SECURABLE_NAME = /token|key|pwd|password|secret/i;

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === "object" && value !== null && !Array.isArray(value);
const isNonEmptyString = (value: unknown): value is string =>
  typeof value === "string" && value.trim().length > 0;

function parseJson(bytes: Uint8Array | undefined): unknown {
  if (!bytes) return undefined;
  try {
    return JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    return undefined;
  }
}

function isUrl(value: unknown, protocols: string[]): boolean {
  if (typeof value !== "string") return false;
  try {
    return protocols.includes(new URL(value).protocol);
  } catch {
    return false;
  }
}

interface Parameter {
  name?: unknown;
  type?: unknown;
  required?: unknown;
  secure?: unknown;
  scopes?: unknown;
  default?: unknown;
}

function checkManifest(manifest: Json, files: PackageFiles, problems: Problem[]) {
  const add = (rule: Rule, message: string) => problems.push({ rule, message });

  const author = manifest.author;
  if (!isNonEmptyString(manifest.name)) add("manifest.required_keys", "name is required");
  if (!isObject(author)) add("manifest.required_keys", "author (name, email, url) is required");
  else {
    for (const key of ["name", "email", "url"])
      if (!isNonEmptyString(author[key]))
        add("manifest.required_keys", `author.${key} is required`);
    if (isNonEmptyString(author.url) && !isUrl(author.url, ["http:", "https:"]))
      add("manifest.required_keys", "author.url must be a URL");
  }
  for (const key of ["defaultLocale", "location", "frameworkVersion"])
    if (manifest[key] === undefined) add("manifest.required_keys", `${key} is required`);

  if (manifest.frameworkVersion !== undefined && manifest.frameworkVersion !== "2.0")
    add(
      "manifest.framework_version",
      `frameworkVersion must be "2.0" (iframe apps), not ${JSON.stringify(manifest.frameworkVersion)}`,
    );

  for (const key of ["version", "defaultLocale", "frameworkVersion", "termsConditionsURL"])
    if (manifest[key] !== undefined && typeof manifest[key] !== "string")
      add("manifest.types", `${key} must be a string`);
  for (const key of ["private", "singleInstall", "signedUrls", "requirementsOnly", "marketingOnly"])
    if (manifest[key] !== undefined && typeof manifest[key] !== "boolean")
      add("manifest.types", `${key} must be true or false`);

  if (manifest.defaultLocale !== undefined) {
    const locale = String(manifest.defaultLocale);
    if (!LOCALE.test(locale))
      add("manifest.default_locale", `defaultLocale "${locale}" is not a locale like en or pt-br`);
    else if (!files.has(`translations/${locale}.json`))
      add("manifest.default_locale", `translations/${locale}.json is missing for defaultLocale`);
  }

  checkLocations(manifest.location, files, add);
  checkParameters(manifest, add);
}

function checkLocations(
  location: unknown,
  files: PackageFiles,
  add: (rule: Rule, message: string) => void,
) {
  if (location === undefined) return;
  if (!isObject(location) || Object.keys(location).length === 0)
    return add("manifest.locations", "location must name at least one product and location");
  for (const [product, locations] of Object.entries(location)) {
    if (product !== "support") {
      add("manifest.locations", `product "${product}" is not one this package supports (support)`);
      continue;
    }
    if (!isObject(locations) || Object.keys(locations).length === 0) {
      add("manifest.locations", "location.support must name at least one location");
      continue;
    }
    for (const [name, value] of Object.entries(locations)) {
      if (!(SUPPORT_LOCATIONS as readonly string[]).includes(name))
        add("manifest.locations", `"${name}" is not a Support location`);
      if (ICON_LOCATIONS.includes(name) && !files.has(`assets/icon_${name}.svg`))
        add("manifest.location_icons", `${name} needs assets/icon_${name}.svg`);
      const url = typeof value === "string" ? value : isObject(value) ? value.url : undefined;
      if (isObject(value) && value.flexible !== undefined && typeof value.flexible !== "boolean")
        add("manifest.locations", `${name}.flexible must be true or false`);
      if (!isNonEmptyString(url)) {
        add("manifest.locations", `${name} needs a url (assets/… or https://…)`);
        continue;
      }
      if (url.includes("{{setting.")) continue;
      if (/^[a-z][a-z0-9+.-]*:/i.test(url)) {
        const parsed = new URL(url);
        if (parsed.protocol !== "https:" && parsed.hostname !== "localhost")
          add("manifest.locations", `${name}: an absolute url must be https (${url})`);
      } else if (!url.startsWith("assets/"))
        add("manifest.locations", `${name}: a relative url must start with assets/ (${url})`);
      else if (!files.has(url.split(/[?#]/)[0]!))
        add("manifest.locations", `${name}: ${url} is not in the package`);
    }
  }
}

function checkParameters(manifest: Json, add: (rule: Rule, message: string) => void) {
  const raw = manifest.parameters;
  if (raw === undefined) return;
  if (!Array.isArray(raw)) return add("manifest.parameters", "parameters must be an array");
  const parameters = raw as Parameter[];
  const names = parameters.map((p) => p?.name);
  let secureCount = 0;
  parameters.forEach((p, i) => {
    const label = isNonEmptyString(p?.name) ? p.name : `#${i}`;
    if (!isObject(p)) return add("manifest.parameters", `parameter ${label} must be an object`);
    if (!isNonEmptyString(p.name)) add("manifest.parameters", `parameter ${label} needs a name`);
    else if (p.name === "name") add("manifest.parameters", `a parameter may not be called "name"`);
    else if (names.indexOf(p.name) !== i)
      add("manifest.parameters", `parameter ${p.name} is declared twice`);
    const type = p.type ?? "text";
    if (!(PARAMETER_TYPES as readonly unknown[]).includes(type))
      add(
        "manifest.parameters",
        `parameter ${label}: type ${JSON.stringify(type)} is not one of ${PARAMETER_TYPES.join(", ")}`,
      );
    for (const flag of ["required", "secure"] as const)
      if (p[flag] !== undefined && typeof p[flag] !== "boolean")
        add("manifest.parameters", `parameter ${label}: ${flag} must be true or false`);
    if (type === "hidden" && p.required === true)
      add("manifest.parameters", `parameter ${label}: a hidden parameter cannot be required`);
    if (type === "oauth" && p.secure === true)
      add("manifest.parameters", `parameter ${label}: an oauth parameter cannot be secure`);

    if (p.secure === true) {
      secureCount++;
      const scopes = p.scopes;
      if (!Array.isArray(scopes) || scopes.length === 0)
        add(
          "manifest.secure_parameters",
          `secure parameter ${label} needs scopes (e.g. ["header"])`,
        );
      else
        for (const scope of scopes)
          if (!(SECURE_SCOPES as readonly unknown[]).includes(scope))
            add(
              "manifest.secure_parameters",
              `parameter ${label}: scope ${JSON.stringify(scope)} is not one of ${SECURE_SCOPES.join(", ")}`,
            );
      if (p.default !== undefined)
        add("manifest.secure_parameters", `secure parameter ${label} may not have a default`);
    } else if (
      isNonEmptyString(p.name) &&
      SECURABLE_NAME.test(p.name) &&
      (type === "text" || type === "password")
    )
      add(
        "manifest.secure_parameters",
        `parameter ${label} looks like a credential: make it secure`,
      );
  });

  // Zendesk's proxy renders secure settings only for requests to these domains, and it reads
  // them literally: a {{setting.…}} placeholder here would match nothing.
  const whitelist = manifest.domainWhitelist;
  if (
    whitelist !== undefined &&
    (!Array.isArray(whitelist) || !whitelist.every((d) => typeof d === "string"))
  )
    return add("manifest.domain_whitelist", "domainWhitelist must be an array of domain names");
  const domains = (whitelist ?? []) as string[];
  if (secureCount > 0 && domains.length === 0)
    add(
      "manifest.domain_whitelist",
      "secure parameters need domainWhitelist: the domains they may be sent to",
    );
  for (const domain of domains)
    if (!HOSTNAME.test(domain))
      add(
        "manifest.domain_whitelist",
        `domainWhitelist entry "${domain}" must be a literal host name (no scheme, path or placeholder)`,
      );
}

function checkTranslations(manifest: Json, files: PackageFiles, problems: Problem[]) {
  const add = (rule: Rule, message: string) => problems.push({ rule, message });
  for (const [path, bytes] of files) {
    const match = path.match(/^translations\/(.+)\.json$/);
    if (!match) continue;
    if (!LOCALE.test(match[1]!)) add("translations.json", `${path}: "${match[1]}" is not a locale`);
    if (!isObject(parseJson(bytes))) add("translations.json", `${path} is not a JSON object`);
  }
  const locale = typeof manifest.defaultLocale === "string" ? manifest.defaultLocale : "en";
  // Zendesk reads the marketplace texts from en.json; parameter labels from the default locale.
  const english = parseJson(files.get("translations/en.json"));
  const app = isObject(english) && isObject(english.app) ? english.app : null;
  if (!app) add("translations.required_keys", "translations/en.json needs an app section");
  else {
    const required = manifest.private === true ? ["name"] : PUBLIC_APP_KEYS;
    for (const key of required) {
      const value = key === "short_description" ? (app[key] ?? app.description) : app[key];
      if (!isNonEmptyString(value))
        add("translations.required_keys", `translations/en.json: app.${key} is required`);
    }
    if (isNonEmptyString(app.name) && app.name.length > 40)
      add("translations.required_keys", "app.name is limited to 40 characters");
    if (isNonEmptyString(app.name) && /for zendesk/i.test(app.name))
      add("translations.required_keys", `app.name may not say "for Zendesk"`);
  }
  const defaults = parseJson(files.get(`translations/${locale}.json`));
  const labels =
    isObject(defaults) && isObject(defaults.app) && isObject(defaults.app.parameters)
      ? defaults.app.parameters
      : {};
  for (const p of Array.isArray(manifest.parameters) ? (manifest.parameters as Parameter[]) : []) {
    if (!isNonEmptyString(p?.name) || p.type === "hidden") continue;
    const entry = labels[p.name];
    if (!isObject(entry) || !isNonEmptyString(entry.label))
      add(
        "translations.parameter_labels",
        `translations/${locale}.json: app.parameters.${p.name}.label is missing`,
      );
  }
}

function checkAssets(manifest: Json | null, files: PackageFiles, problems: Problem[]) {
  const add = (rule: Rule, message: string) => problems.push({ rule, message });
  const logos = [
    { path: "assets/logo.png", size: 320 },
    { path: "assets/logo-small.png", size: 128 },
  ];
  for (const logo of logos) {
    const bytes = files.get(logo.path);
    const png = bytes && readPngHeader(bytes);
    if (!bytes) add("assets.logos", `${logo.path} is missing`);
    else if (!png) add("assets.logos", `${logo.path} is not a PNG`);
    else if (png.width !== logo.size || png.height !== logo.size)
      add(
        "assets.logos",
        `${logo.path} must be ${logo.size}×${logo.size}, not ${png.width}×${png.height}`,
      );
    else if (logo.path === "assets/logo-small.png" && (png.colorType !== 6 || png.bitDepth !== 8))
      add("assets.logos", `${logo.path} must be PNG-24 with transparency (8-bit RGBA)`);
  }

  const shots = [...files.keys()].filter((p) => /^assets\/screenshot-\d+\.png$/.test(p)).sort();
  if (shots.length === 0 && manifest?.private !== true)
    add("assets.screenshots", "a public app needs screenshots (assets/screenshot-0.png …)");
  if (shots.length > 3) add("assets.screenshots", `at most 3 screenshots, not ${shots.length}`);
  shots.forEach((path, i) => {
    if (path !== `assets/screenshot-${i}.png`)
      add("assets.screenshots", `screenshots are numbered from 0 without gaps: found ${path}`);
    const png = readPngHeader(files.get(path)!);
    if (!png) add("assets.screenshots", `${path} is not a PNG`);
    else if (png.width !== 1024 || png.height !== 768)
      add("assets.screenshots", `${path} must be 1024×768, not ${png.width}×${png.height}`);
  });
}

function checkFiles(files: PackageFiles, problems: Problem[]) {
  for (const path of files.keys()) {
    if (path === "manifest.json" || /^translations\/[^/]+\.json$/.test(path)) continue;
    if (path.startsWith("assets/") && ASSET_TYPES.test(path)) continue;
    problems.push({
      rule: "package.files",
      message: `${path} does not belong in an app package (manifest.json, translations/*.json, assets/ of accepted types)`,
    });
  }
}

/** Check a package against Zendesk's rules; an empty list means it may be uploaded. */
export function validatePackage(files: PackageFiles): Problem[] {
  const problems: Problem[] = [];
  const manifest = parseJson(files.get("manifest.json"));
  if (!isObject(manifest)) {
    problems.push({
      rule: "manifest.json",
      message: "manifest.json is missing or not a JSON object",
    });
  } else {
    checkManifest(manifest, files, problems);
    checkTranslations(manifest, files, problems);
  }
  checkAssets(isObject(manifest) ? manifest : null, files, problems);
  checkFiles(files, problems);
  return problems;
}
