import { readPngHeader } from "./png";

/**
 * Zendesk's rules for an app package, checked before we zip it. Sources: the manifest reference,
 * "Create app brand assets", and the validator Zendesk runs on upload (zendesk/zendesk_apps_support
 * 4.52, lib/zendesk_apps_support: manifest/parameter.rb, app_requirement.rb and
 * validations/{manifest,translations,secure_settings,requirements,banner,secrets,requests}.rb);
 * docs/vendor-contracts.md §7 has the details. Things Zendesk only warns about in the manifest (a
 * secure setting without scopes or with a default, a token-like setting that is not secure) are
 * errors here: we ship none of them; a hidden parameter's default stays a warning (checkParameters
 * says why). What it warns about in the files' contents stays a warning too (checkSecretWords says
 * why): the package is still built, and the warning is printed.
 */

export type Rule =
  | "manifest.json"
  | "manifest.required_keys"
  | "manifest.framework_version"
  | "manifest.types"
  | "manifest.experiments"
  | "manifest.default_locale"
  | "manifest.locations"
  | "manifest.location_icons"
  | "manifest.parameters"
  | "manifest.secure_parameters"
  | "manifest.oauth"
  | "manifest.mtls_parameters"
  | "manifest.domain_whitelist"
  | "translations.json"
  | "translations.required_keys"
  | "translations.parameter_labels"
  | "requirements.json"
  | "requirements.types"
  | "requirements.count"
  | "requirements.required_fields"
  | "requirements.webhooks"
  | "requirements.targets"
  | "assets.logos"
  | "assets.screenshots"
  | "assets.banner"
  | "package.files"
  | "package.secret_words"
  | "package.http_urls";

/** An error stops the build (Zendesk would refuse the package); a warning is printed. */
export type Level = "error" | "warning";

export interface Problem {
  rule: Rule;
  level: Level;
  message: string;
}

type Report = (rule: Rule, message: string) => void;

/** Every file of the package by its path inside the zip (`manifest.json`, `assets/logo.png`…). */
export type PackageFiles = ReadonlyMap<string, Uint8Array>;

/**
 * manifest/parameter.rb. `password` was removed in April 2026 (4.50): a secret is a `text`
 * parameter with `"secure": true` and its scopes. Zendesk's validator accepts `mtls` only where
 * Zendesk has turned mTLS on (its validate_mtls_param option); we accept it and check its rules.
 */
export const PARAMETER_TYPES = [
  "text",
  "checkbox",
  "url",
  "number",
  "multiline",
  "hidden",
  "oauth",
  "mtls",
] as const;
/** Where Zendesk's proxy may render a secure setting's placeholder (SECURE_PARAM_SCOPES). */
export const SECURE_SCOPES = [
  "header",
  "body",
  "url",
  "jwt_secret_key",
  "jwt_claim",
  "basic_auth_username",
  "basic_auth_password",
] as const;
/** The manifest's `oauth` block, which an `oauth` parameter needs (OAUTH_REQUIRED_FIELDS). */
export const OAUTH_KEYS = [
  "client_id",
  "client_secret",
  "authorize_uri",
  "access_token_uri",
] as const;
const MAX_MTLS_PARAMETERS = 3;
/** The only experiments a marketplace app may turn on (validations/marketplace.rb). */
export const EXPERIMENTS = ["hashParams", "newCssCompiler"] as const;
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
/** Locations Zendesk draws an icon for (package.rb), from assets/icon_<location>.svg. */
const ICON_LOCATIONS = ["nav_bar", "top_bar", "ticket_editor", "system_top_bar"];
/** Translations::VALID_LOCALE: two- or three-letter languages (`fil`) are both accepted. */
const LOCALE = /^[a-z]{2,3}(-\w{2,3})?$/;
const PUBLIC_APP_KEYS = [
  "name",
  "short_description",
  "long_description",
  "installation_instructions",
];

/** app_requirement.rb TYPES: the keys of requirements.json. */
export const REQUIREMENT_TYPES = [
  "automations",
  "channel_integrations",
  "custom_objects",
  "macros",
  "targets",
  "views",
  "ticket_fields",
  "triggers",
  "user_fields",
  "organization_fields",
  "webhooks",
  "custom_objects_v2",
] as const;
export const MAX_REQUIREMENTS = 5000;
export const MAX_CUSTOM_OBJECT_REQUIREMENTS = 50;
export const WEBHOOK_KEYS = [
  "name",
  "status",
  "endpoint",
  "http_method",
  "request_format",
] as const;
/** Zendesk no longer creates these targets; a webhook replaces them. */
export const REFUSED_TARGET_TYPES = ["http_target", "url_target_v2"] as const;
/** Requirement types whose entries need no `title` (they have other required fields). */
const UNTITLED_REQUIREMENTS = [
  "channel_integrations",
  "custom_objects",
  "webhooks",
  "custom_objects_v2",
];
/** assets/banner.png is optional; when present, this size or twice it. */
export const BANNER = { width: 830, height: 200 } as const;

/**
 * Words Zendesk's validator warns about in any shipped text file (validations/secrets.rb
 * SECRET_KEYWORDS). Matched case-sensitively, as there: `appSecret` is not flagged, `secret` is.
 */
export const SECRET_WORDS = [
  "password",
  "secret",
  "secretToken",
  "secret_token",
  "auth_key",
  "authKey",
  "auth_pass",
  "authPass",
  "auth_user",
  "AuthUser",
  "api_key",
] as const;
/**
 * Text that looks like a credential, each a warning of its own (secrets.rb APPLICATION_SECRETS,
 * copied verbatim, `[p|b]` classes included; Ruby's `(?m)` is JavaScript's `s` flag).
 */
export const SECRET_PATTERNS: Readonly<Record<string, RegExp>> = {
  "Slack Token": /(xox[p|b|o|a]-*.[a-z0-9])/,
  "RSA Private Key": /-----BEGIN RSA PRIVATE KEY-----/,
  "SSH Private Key (OpenSSH)": /-----BEGIN OPENSSH PRIVATE KEY-----/,
  "SSH Private Key (DSA)": /-----BEGIN DSA PRIVATE KEY-----/,
  "SSH Private Key (EC)": /-----BEGIN EC PRIVATE KEY-----/,
  "PGP Private Key Block": /-----BEGIN PGP PRIVATE KEY BLOCK-----/,
  "Facebook OAuth Token":
    /([f|F][a|A][c|C][e|E][b|B][o|O][o|O][k|K]( [|:"=-]|[:"=-|]).*.[0-9a-f]{24,36})/,
  "Twitter OAuth Token":
    /([t|T][w|W][i|I][t|T][t|T][e|E][r|R]( [:"=-]|[:"=-]).*.[0-9a-zA-Z]{30,45})/,
  "Github Token": /([g|G][i|I][t|T][h|H][u|U][b|B]( [:"=-]|[:"=-]).*.[0-9a-zA-Z]{30,45})/,
  "Google OAuth Token":
    /([c|C][l|L][i|I][e|E][n|N][t|T][-_][s|S][e|E][c|C][r|R][e|E][t|T]( [:"=-]|[:"=-]).*[a-zA-Z0-9_-]{16,32})/,
  "AWS Access Key ID": /(AKIA[0-9A-Z]{8,24})/,
  "AWS Secret Access Key":
    /([a|A][w|W][s|S][_-][s|S][e|E][c|C][r|R][e|E][t|T][_-][a|A][c|C][c|C][e|E][s|S][s|S][_-][k|K][e|E][y|Y].*.[0-9a-zA-Z]{24,48})/,
  "Heroku API Key":
    /([h|H][e|E][r|R][o|O][k|K][u|U].*[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{6,18})/,
  "Quickpay Secret": /(quickpay_secret:.*.[0-9a-zA-Z]{24,72})/,
  "Doorman Secret":
    /([d|D][o|O][o|O][r|R][m|M][a|A][n|N][-_][s|S][e|E][c|C][r|R][e|E][t|T].*.[0-9a-f]{16,132})/,
  "Shared Session Secret": /(shared_session_secret.*.[0-9a-f]{4,132})/,
  "Permanent Cookie Secret": /(permanent_cookie_secret.*.[0-9a-f]{120,156})/,
  "Scarlett AWS Secret Key":
    /([sS][cC][aA][rR][lL][eE][tT][tT][_-][aA][wW][sS][_-][sS][eE][cC][rR][eE][tT][_-][kK][eE][yY].*.[0-9a-zA-Z+.]{35,45})/,
  "Braintree Key": /(braintree_key.*.[0-9a-zA-Z]{16,36})/,
  "Ticket Validation Key": /(ticket_validation_key.*.[0-9a-zA-Z]{15,25})/,
  "App Key": /([aA][pP][pP][-_][kK][eE][yY]( [:"=-]|[:"=-]).*.[0-9a-zA-Z+_.-]{4,156})/,
  "App Secret":
    /([aA][pP][pP][-_][sS][eE][cC][rR][eE][tT]( [:"=-]|[:"=-]).*.[0-9a-zA-Z+_.-]{4,156})/,
  "Consumer Key":
    /([cC][oO][nN][sS][uU][mM][eE][rR][-_][kK][eE][yY]( [:"=-]|[:"=-]).*.[0-9a-zA-Z+_.-]{4,156})/,
  "Consumer Secret":
    /([cC][oO][nN][sS][uU][mM][eE][rR][-_][sS][eE][cC][rR][eE][tT]( [:"=-]|[:"=-]).*.[0-9a-zA-Z+_.-]{4,156})/,
  "Generic Secret": /^([sS][eE][cC][rR][eE][tT]( [:"=-]|[:"=-]).*.[0-9a-zA-Z+_.-]{4,156})/ms,
  "Master Key":
    /([mM][aA][sS][tT][eE][rR][-_][kK][eE][yY]( [:"=-]|[:"=-]).*.[0-9a-zA-Z+_.-]{4,156})/,
  "Master Secret":
    /([mM][aA][sS][tT][eE][rR][-_][sS][eE][cC][rR][eE][tT]( [:"=-]|[:"=-]).*.[0-9a-zA-Z+_.-]{4,156})/,
  "Token Key": /([tT][oO][kK][eE][nN][-_][kK][eE][yY]( [:"=-]|[:"=-]).*.[0-9a-zA-Z+_.-]{4,156})/,
  "Token Secret":
    /([tT][oO][kK][eE][nN][-_][sS][eE][cC][rR][eE][tT]( [:"=-]|[:"=-]).*.[0-9a-zA-Z+_.-]{4,156})/,
  "Zendesk Zopim Mobile SSO Key": /(zendesk_zopim_mobile_sso_key.*.[0-9a-f]{58,68})/,
  "Help Center Private Key":
    /([pP][rR][iI][vV][aA][tT][eE][-_][kK][eE][yY]( [:"=-]|[:"=-]).*.[0-9a-zA-Z+_.-]{4,156})/,
  "X-Outbound-Key":
    /([xX][-][oO][uU][tT][bB][oO][uU][nN][dD][-][kK][eE][yY][:" \t=-].*.[0-9a-z-]{32,36})/,
  "Attachment Token Key": /(attachment_token_key.*.[0-9a-f]{24,72})/,
  Password: /([pP][aA][sS][sS][wW][oO][rR][dD].*.[0-9a-zA-Z+_.-]{4,156})/,
  Token: /([tT][oO][kK][eE][nN]( [:"=-]|[:"=-]).*.[0-9a-zA-Z+_.-]{4,156})/,
};
/** The files Zendesk reads for those (package.rb text_files), pattern and all. */
const TEXT_FILE = /(html?|xml|js|json?)$/;

const ASSET_TYPES = /\.(png|jpe?g|gif|svg|js|html?|css|map|eot|woff2?|otf|ttf|json|xml|hbs|hdbs)$/i;
const HOSTNAME =
  /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/i;
/** An mtls parameter's allowed_domain: a host of two labels or more, `*.` allowed in front. */
const MTLS_DOMAIN =
  /^(?=.{1,253}$)(\*\.)?[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+$/i;
// Zendesk warns about token, key, pwd and password; a secret is no less of a credential.
const SECURABLE_NAME = /token|key|pwd|password|secret/i;

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === "object" && value !== null && !Array.isArray(value);
const isNonEmptyString = (value: unknown): value is string =>
  typeof value === "string" && value.trim().length > 0;
const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

function parseJson(bytes: Uint8Array | undefined): unknown {
  if (!bytes) return undefined;
  try {
    return JSON.parse(decode(bytes));
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
  allowed_domain?: unknown;
}

function checkManifest(manifest: Json, files: PackageFiles, add: Report, warn: Report) {
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
  if (
    typeof manifest.termsConditionsURL === "string" &&
    !isUrl(manifest.termsConditionsURL, ["http:", "https:"])
  )
    add("manifest.types", "termsConditionsURL must be a URL");
  checkExperiments(manifest.experiments, add);

  if (manifest.defaultLocale !== undefined) {
    const locale = String(manifest.defaultLocale);
    if (!LOCALE.test(locale))
      add("manifest.default_locale", `defaultLocale "${locale}" is not a locale like en or pt-br`);
    else if (!files.has(`translations/${locale}.json`))
      add("manifest.default_locale", `translations/${locale}.json is missing for defaultLocale`);
  }

  checkLocations(manifest.location, files, add);
  checkParameters(manifest, add, warn);
  checkOauth(manifest, add);
}

function checkExperiments(experiments: unknown, add: Report) {
  if (experiments === undefined) return;
  if (!isObject(experiments))
    return add("manifest.experiments", "experiments must be an object of names and true/false");
  for (const [name, on] of Object.entries(experiments))
    if (on && !(EXPERIMENTS as readonly string[]).includes(name))
      add(
        "manifest.experiments",
        `experiment "${name}" is not one a marketplace app may use (${EXPERIMENTS.join(", ")})`,
      );
}

function checkLocations(location: unknown, files: PackageFiles, add: Report) {
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

function checkParameterType(p: Parameter, label: string, add: Report) {
  const type = p.type ?? "text";
  if (type === "password")
    add(
      "manifest.parameters",
      `parameter ${label}: type "password" is no longer accepted by Zendesk (removed April 2026): make it type "text" with "secure": true and its scopes (e.g. ["header"])`,
    );
  else if (!(PARAMETER_TYPES as readonly unknown[]).includes(type))
    add(
      "manifest.parameters",
      `parameter ${label}: type ${JSON.stringify(type)} is not one of ${PARAMETER_TYPES.join(", ")}`,
    );
}

/** A secure setting's scopes say where the proxy may put it; they mean nothing on any other. */
function checkScopes(p: Parameter, label: string, add: Report) {
  const scopes = p.scopes;
  if (p.secure !== true) {
    if (scopes !== undefined && (p.type ?? "text") !== "mtls")
      add("manifest.secure_parameters", `parameter ${label}: scopes belong to secure parameters`);
    return;
  }
  if (!Array.isArray(scopes) || scopes.length === 0)
    add("manifest.secure_parameters", `secure parameter ${label} needs scopes (e.g. ["header"])`);
  else
    for (const scope of scopes)
      if (!(SECURE_SCOPES as readonly unknown[]).includes(scope))
        add(
          "manifest.secure_parameters",
          `parameter ${label}: scope ${JSON.stringify(scope)} is not one of ${SECURE_SCOPES.join(", ")}`,
        );
  if (p.default !== undefined)
    add("manifest.secure_parameters", `secure parameter ${label} may not have a default`);
}

/**
 * An mtls parameter holds a client certificate Zendesk presents to one host: it is never secure,
 * scoped or defaulted, and names that host (validations/manifest.rb mtls_*).
 */
function checkMtls(parameters: Parameter[], add: Report, warn: Report) {
  const mtls = parameters.filter((p) => isObject(p) && p.type === "mtls");
  if (mtls.length > 0)
    warn(
      "manifest.mtls_parameters",
      "Zendesk accepts mtls parameters only where it has turned mTLS on; elsewhere the upload is refused",
    );
  if (mtls.length > MAX_MTLS_PARAMETERS)
    add(
      "manifest.mtls_parameters",
      `at most ${MAX_MTLS_PARAMETERS} mtls parameters, not ${mtls.length}`,
    );
  for (const p of mtls) {
    const label = String(p.name);
    if (p.secure === true || "default" in p || p.scopes !== undefined)
      add(
        "manifest.mtls_parameters",
        `mtls parameter ${label} may not be secure or have a default or scopes`,
      );
    const domain = p.allowed_domain;
    if (!isNonEmptyString(domain))
      add("manifest.mtls_parameters", `mtls parameter ${label} needs an allowed_domain`);
    else if (!MTLS_DOMAIN.test(domain))
      add(
        "manifest.mtls_parameters",
        `mtls parameter ${label}: allowed_domain "${domain}" must be a host name like api.example.com or *.example.com (no scheme or path)`,
      );
  }
}

function checkParameters(manifest: Json, add: Report, warn: Report) {
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
    checkParameterType(p, label, add);
    const type = p.type ?? "text";
    for (const flag of ["required", "secure"] as const)
      if (p[flag] !== undefined && typeof p[flag] !== "boolean")
        add("manifest.parameters", `parameter ${label}: ${flag} must be true or false`);
    if (type === "hidden" && p.required === true)
      add("manifest.parameters", `parameter ${label}: a hidden parameter cannot be required`);
    // Zendesk warns, and so do we: a hidden default is often a harmless constant, but it is
    // stored in plain text, so it must not be a credential.
    if (type === "hidden" && p.default !== undefined)
      warn(
        "manifest.parameters",
        `hidden parameter ${label}: its default is stored in plain text; make sure it is not sensitive`,
      );

    checkScopes(p, label, add);
    if (p.secure === true) secureCount++;
    else if (isNonEmptyString(p.name) && SECURABLE_NAME.test(p.name) && type === "text")
      add(
        "manifest.secure_parameters",
        `parameter ${label} looks like a credential: make it secure`,
      );
  });
  checkMtls(parameters, add, warn);

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

/**
 * OAuth is one `oauth` parameter (Zendesk keeps its token; it is never secure) plus the manifest's
 * `oauth` block saying how to get that token: either without the other cannot work.
 */
function checkOauth(manifest: Json, add: Report) {
  const parameters = Array.isArray(manifest.parameters)
    ? (manifest.parameters as Parameter[]).filter((p) => isObject(p) && p.type === "oauth")
    : [];
  const oauth = manifest.oauth;
  if (parameters.length > 1)
    add("manifest.oauth", `only one oauth parameter is allowed, not ${parameters.length}`);
  for (const p of parameters)
    if (p.secure === true)
      add("manifest.oauth", `oauth parameter ${String(p.name)} cannot be secure`);
  if (oauth === undefined) {
    if (parameters.length > 0)
      add(
        "manifest.oauth",
        `an oauth parameter needs the manifest's oauth block (${OAUTH_KEYS.join(", ")})`,
      );
    return;
  }
  if (!isObject(oauth))
    return add("manifest.oauth", `oauth must be an object with ${OAUTH_KEYS.join(", ")}`);
  const missing = OAUTH_KEYS.filter((key) => !isNonEmptyString(oauth[key]));
  if (missing.length > 0) add("manifest.oauth", `oauth is missing ${missing.join(", ")}`);
  if (parameters.length === 0)
    add("manifest.oauth", `the oauth block needs a parameter of type "oauth"`);
}

function checkTranslations(manifest: Json, files: PackageFiles, add: Report) {
  for (const [path, bytes] of files) {
    const match = path.match(/^translations\/(.+)\.json$/);
    if (!match) continue;
    if (!LOCALE.test(match[1]!)) add("translations.json", `${path}: "${match[1]}" is not a locale`);
    const content = parseJson(bytes);
    if (!isObject(content)) add("translations.json", `${path} is not a JSON object`);
    // Zendesk refuses any file whose app.parameters has an entry without a label.
    else if (isObject(content.app) && isObject(content.app.parameters))
      for (const [name, entry] of Object.entries(content.app.parameters))
        if (!isObject(entry) || !("label" in entry))
          add("translations.parameter_labels", `${path}: app.parameters.${name} needs a label`);
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

/** How many requirements Zendesk counts: each entry, and each item of a list inside one. */
function countRequirements(requirements: Json): number {
  return Object.values(requirements)
    .flatMap((group) => (isObject(group) ? Object.values(group) : [group]))
    .flat(Infinity).length;
}

/**
 * requirements.json: what Zendesk creates in the account on install (validations/requirements.rb).
 * We ship none today; these rules keep one from breaking the upload. custom_objects_v2 has a schema
 * of its own that we do not check.
 */
function checkRequirements(manifest: Json, files: PackageFiles, add: Report) {
  const bytes = files.get("requirements.json");
  if (!bytes) {
    if (manifest.requirementsOnly === true)
      add("requirements.json", "a requirementsOnly app needs requirements.json");
    return;
  }
  if (manifest.marketingOnly === true)
    return add("requirements.json", "a marketingOnly app may not have requirements.json");
  const requirements = parseJson(bytes);
  if (!isObject(requirements))
    return add("requirements.json", "requirements.json is not a JSON object");

  const unknown = Object.keys(requirements).filter(
    (type) => !(REQUIREMENT_TYPES as readonly string[]).includes(type),
  );
  if (unknown.length > 0)
    add(
      "requirements.types",
      `requirements.json: ${unknown.join(", ")} not among ${REQUIREMENT_TYPES.join(", ")}`,
    );
  const count = countRequirements(requirements);
  if (count > MAX_REQUIREMENTS)
    add("requirements.count", `at most ${MAX_REQUIREMENTS} requirements in all, not ${count}`);

  for (const [type, group] of Object.entries(requirements)) {
    if (!isObject(group)) {
      add("requirements.json", `requirements.json: ${type} must be an object`);
      continue;
    }
    if (type === "custom_objects") checkCustomObjects(group, add);
    else if (type === "channel_integrations") checkChannelIntegrations(group, add);
    else if (type === "webhooks")
      for (const [id, webhook] of Object.entries(group)) {
        const missing = WEBHOOK_KEYS.filter((key) => !isObject(webhook) || !(key in webhook));
        if (missing.length > 0)
          add("requirements.webhooks", `webhook ${id} needs ${missing.join(", ")}`);
      }
    if (!UNTITLED_REQUIREMENTS.includes(type)) checkRequiredField(type, group, "title", add);
    if (type === "user_fields" || type === "organization_fields")
      checkRequiredField(type, group, "key", add);
    if (type === "targets")
      for (const [id, target] of Object.entries(group))
        if (isObject(target) && (REFUSED_TARGET_TYPES as readonly unknown[]).includes(target.type))
          add(
            "requirements.targets",
            `target ${id}: Zendesk no longer accepts ${String(target.type)} targets; use a webhook`,
          );
  }
}

function checkRequiredField(type: string, group: Json, field: string, add: Report) {
  for (const [id, entry] of Object.entries(group))
    if (entry !== null && !(isObject(entry) && field in entry))
      add("requirements.required_fields", `${type} ${id} needs a ${field}`);
}

function checkChannelIntegrations(group: Json, add: Report) {
  if (Object.keys(group).length > 1)
    add("requirements.required_fields", "at most one channel_integrations requirement");
  checkRequiredField("channel_integrations", group, "manifest_url", add);
}

function checkCustomObjects(group: Json, add: Report) {
  const count = Object.values(group).flat(Infinity).length;
  if (count > MAX_CUSTOM_OBJECT_REQUIREMENTS)
    add(
      "requirements.count",
      `at most ${MAX_CUSTOM_OBJECT_REQUIREMENTS} custom_objects requirements, not ${count}`,
    );
  if (!("custom_object_types" in group))
    add("requirements.required_fields", "custom_objects needs custom_object_types");
  const keys: Record<string, string[]> = {
    custom_object_types: ["key", "schema"],
    custom_object_relationship_types: ["key", "source", "target"],
  };
  for (const [kind, required] of Object.entries(keys))
    for (const entry of Array.isArray(group[kind]) ? (group[kind] as unknown[]) : [])
      for (const key of required)
        if (!isObject(entry) || !(key in entry))
          add("requirements.required_fields", `custom_objects.${kind}: every entry needs a ${key}`);
}

function checkAssets(manifest: Json | null, files: PackageFiles, add: Report) {
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

  const banner = files.get("assets/banner.png");
  if (banner) {
    const png = readPngHeader(banner);
    const { width, height } = BANNER;
    if (!png) add("assets.banner", "assets/banner.png is not a PNG");
    else if (
      !(png.width === width && png.height === height) &&
      !(png.width === 2 * width && png.height === 2 * height)
    )
      add(
        "assets.banner",
        `assets/banner.png must be ${width}×${height} or ${2 * width}×${2 * height}, not ${png.width}×${png.height}`,
      );
  }
}

function checkFiles(files: PackageFiles, add: Report) {
  for (const path of files.keys()) {
    if (path === "manifest.json" || path === "requirements.json") continue;
    if (/^translations\/[^/]+\.json$/.test(path)) continue;
    if (path.startsWith("assets/") && ASSET_TYPES.test(path)) continue;
    add(
      "package.files",
      `${path} does not belong in an app package (manifest.json, requirements.json, translations/*.json, assets/ of accepted types)`,
    );
  }
}

/**
 * Zendesk warns about credential words and credential-like text in every text file it is given.
 * A warning, not an error, here too: React DOM ships "password" (an input type) and our
 * password_reset workflow id is shared with the Worker, so every build has some. The warning shows
 * before upload what Zendesk's reviewers will see; in our own strings, use a plainer word where
 * one serves.
 */
function checkSecretWords(files: PackageFiles, warn: Report) {
  for (const [path, bytes] of files) {
    if (!TEXT_FILE.test(path)) continue;
    const content = decode(bytes);
    const words = SECRET_WORDS.filter((word) => content.includes(word));
    const patterns = Object.entries(SECRET_PATTERNS)
      .filter(([, pattern]) => pattern.test(content))
      .map(([name]) => name);
    if (words.length + patterns.length === 0) continue;
    const found = [
      ...words.map((word) => `"${word}"`),
      ...patterns.map((name) => `something like a ${name}`),
    ];
    warn("package.secret_words", `${path}: Zendesk will flag ${found.join(", ")}`);
  }
}

/**
 * Zendesk warns about every http:// address in scripts and pages (validations/requests.rb), XML
 * namespaces such as http://www.w3.org/2000/svg included: those are names, not requests.
 */
function checkHttpUrls(files: PackageFiles, warn: Report) {
  for (const [path, bytes] of files) {
    if (!/\.(jsx?|html?)$/.test(path)) continue;
    const urls = [...new Set(decode(bytes).match(/\bhttp:\/\/[^\s"'`<>()\\]+/g) ?? [])];
    if (urls.length > 0)
      warn(
        "package.http_urls",
        `${path}: Zendesk will flag http:// addresses as insecure requests: ${urls.join(", ")}`,
      );
  }
}

/**
 * Check a package against Zendesk's rules. No error means it may be uploaded; warnings are what
 * Zendesk will warn about too.
 */
export function validatePackage(files: PackageFiles): Problem[] {
  const problems: Problem[] = [];
  const add: Report = (rule, message) => problems.push({ rule, level: "error", message });
  const warn: Report = (rule, message) => problems.push({ rule, level: "warning", message });
  const manifest = parseJson(files.get("manifest.json"));
  if (!isObject(manifest)) add("manifest.json", "manifest.json is missing or not a JSON object");
  else {
    checkManifest(manifest, files, add, warn);
    checkTranslations(manifest, files, add);
    checkRequirements(manifest, files, add);
  }
  checkAssets(isObject(manifest) ? manifest : null, files, add);
  checkFiles(files, add);
  checkSecretWords(files, warn);
  checkHttpUrls(files, warn);
  return problems;
}

/** The problems that stop a package: Zendesk would refuse it. */
export const errorsOf = (problems: Problem[]) => problems.filter((p) => p.level === "error");
