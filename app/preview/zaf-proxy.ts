import type { ProxyAnswer } from "./workspace-view";

/** A manifest parameter, as far as the proxy cares. */
export interface SettingDefinition {
  name: string;
  secure: boolean;
  /** Where a secure setting's placeholder may appear: "header", "url" or "body". */
  scopes: string[];
}

export interface InstallationSettings {
  definitions: SettingDefinition[];
  values: Record<string, string>;
}

export interface ProxyPolicy {
  /** Origins requests may go to: the preview's stand-in for the manifest's domainWhitelist. */
  allowedOrigins: string[];
  /** Where relative `/api/v2/…` URLs go (the account's Zendesk API) and how the agent signs in. */
  zendeskApi: { baseUrl: string; authorization: string };
}

export interface PreparedRequest {
  ok: true;
  url: string;
  method: string;
  headers: Record<string, string>;
  body?: string;
  timeoutMs: number;
}

export interface ProxyRefusal {
  ok: false;
  status: number;
  code: string;
  message: string;
}

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"];
const PLACEHOLDER = /\{\{\s*setting\.([A-Za-z0-9_]+)\s*\}\}/g;
const HEADER_NAME = /^[!#$%&'*+.^`|~0-9A-Za-z-]+$/;
const MAX_BODY = 1_000_000;

const refuse = (status: number, code: string, message: string): ProxyRefusal => ({
  ok: false,
  status,
  code,
  message,
});

type Place = "header" | "url" | "body";

/**
 * Fill `{{setting.x}}` placeholders the way Zendesk's proxy does for `secure: true` requests: a
 * secure setting only where its manifest `scopes` allow, never anywhere else.
 */
function render(text: string, place: Place, settings: InstallationSettings): string | ProxyRefusal {
  let refusal: ProxyRefusal | null = null;
  const rendered = text.replace(PLACEHOLDER, (whole, name: string) => {
    const definition = settings.definitions.find((d) => d.name === name);
    const value = settings.values[name];
    if (!definition || value === undefined) {
      refusal ??= refuse(
        400,
        "unknown_setting",
        `{{setting.${name}}} is not a setting of this app`,
      );
      return whole;
    }
    if (definition.secure && !definition.scopes.includes(place)) {
      refusal ??= refuse(
        400,
        "setting_out_of_scope",
        `the secure setting ${name} may be used only in: ${definition.scopes.join(", ") || "nowhere (no scopes)"}; it was found in the ${place}`,
      );
      return whole;
    }
    return value;
  });
  return refusal ?? rendered;
}

function formEncode(data: Record<string, unknown>): string {
  return new URLSearchParams(
    Object.entries(data).map(([k, v]) => [
      k,
      typeof v === "string" ? v : v === undefined || v === null ? "" : JSON.stringify(v),
    ]),
  ).toString();
}

/**
 * Check a `client.request` options object and turn it into the request the proxy makes. Anything
 * malformed or outside the policy is refused with a 4xx and a message that says what is wrong.
 */
export function prepareProxyRequest(
  input: unknown,
  settings: InstallationSettings,
  policy: ProxyPolicy,
): PreparedRequest | ProxyRefusal {
  if (typeof input !== "object" || input === null || Array.isArray(input))
    return refuse(400, "invalid_request", "options must be an object with a url");
  const options = input as Record<string, unknown>;
  if (typeof options.url !== "string" || options.url.length === 0 || options.url.length > 2000)
    return refuse(400, "invalid_url", "url must be a non-empty string of at most 2000 characters");
  const rawMethod = options.type ?? options.method ?? "GET";
  const method = typeof rawMethod === "string" ? rawMethod.toUpperCase() : "";
  if (!METHODS.includes(method))
    return refuse(400, "invalid_method", `type must be one of ${METHODS.join(", ")}`);
  for (const flag of ["secure", "cors", "httpCompleteResponse"] as const)
    if (options[flag] !== undefined && typeof options[flag] !== "boolean")
      return refuse(400, "invalid_option", `${flag} must be true or false`);
  const secure = options.secure === true;
  if (secure && options.cors === true)
    return refuse(
      400,
      "secure_needs_proxy",
      "secure requests go through the proxy: cors must be false",
    );

  const headers: Record<string, string> = {};
  if (options.headers !== undefined) {
    if (
      typeof options.headers !== "object" ||
      options.headers === null ||
      Array.isArray(options.headers)
    )
      return refuse(400, "invalid_headers", "headers must be an object of strings");
    for (const [name, value] of Object.entries(options.headers)) {
      if (typeof value !== "string")
        return refuse(400, "invalid_headers", `header ${name} must be a string`);
      if (!HEADER_NAME.test(name) || name.includes("_"))
        return refuse(
          400,
          "invalid_header_name",
          `header name "${name}" is not allowed (the proxy drops names with underscores)`,
        );
      const rendered = secure ? render(value, "header", settings) : value;
      if (typeof rendered !== "string") return rendered;
      headers[name.toLowerCase()] = rendered;
    }
  }

  let url = secure ? render(options.url, "url", settings) : options.url;
  if (typeof url !== "string") return url;

  let body: string | undefined;
  const data = options.data;
  const contentType = options.contentType;
  if (contentType !== undefined && contentType !== false && typeof contentType !== "string")
    return refuse(400, "invalid_option", "contentType must be a string or false");
  if (data !== undefined && data !== null) {
    let encoded: string;
    if (typeof data === "string") encoded = data;
    else if (typeof data === "object" && !Array.isArray(data))
      encoded =
        method !== "GET" && typeof contentType === "string" && contentType.includes("json")
          ? JSON.stringify(data)
          : formEncode(data as Record<string, unknown>);
    else return refuse(400, "invalid_data", "data must be a string or an object");
    if (encoded.length > MAX_BODY)
      return refuse(413, "body_too_large", `data is limited to ${MAX_BODY} bytes`);
    if (method === "GET") {
      if (encoded) url += (url.includes("?") ? "&" : "?") + encoded;
    } else {
      const rendered = secure ? render(encoded, "body", settings) : encoded;
      if (typeof rendered !== "string") return rendered;
      body = rendered;
      if (contentType !== false)
        headers["content-type"] =
          typeof contentType === "string"
            ? contentType
            : "application/x-www-form-urlencoded; charset=UTF-8";
    }
  }

  let target: URL;
  if (url.startsWith("/")) {
    if (!url.startsWith("/api/v2/"))
      return refuse(400, "invalid_url", "relative urls must be Zendesk API paths (/api/v2/…)");
    try {
      target = new URL(`${policy.zendeskApi.baseUrl}${url}`);
    } catch {
      return refuse(400, "invalid_url", "the /api/v2/… path is not a valid URL path");
    }
    headers.authorization ??= policy.zendeskApi.authorization;
  } else {
    try {
      target = new URL(url);
    } catch {
      return refuse(400, "invalid_url", "url must be absolute (https://…) or /api/v2/…");
    }
    if (target.protocol !== "http:" && target.protocol !== "https:")
      return refuse(400, "invalid_url", "url must use http or https");
    if (!policy.allowedOrigins.includes(target.origin))
      return refuse(
        403,
        "domain_not_allowed",
        `the preview proxies only to ${policy.allowedOrigins.join(", ")} (the manifest's domainWhitelist stands for the Worker's host)`,
      );
  }

  let timeoutMs = 30_000;
  if (options.timeout !== undefined) {
    if (typeof options.timeout !== "number" || !(options.timeout > 0))
      return refuse(400, "invalid_option", "timeout must be a positive number of milliseconds");
    timeoutMs = Math.min(options.timeout, 60_000);
  }
  return {
    ok: true,
    url: target.toString(),
    method,
    headers,
    ...(body !== undefined && { body }),
    timeoutMs,
  };
}

/** Make the prepared request; a network failure answers like the proxy would, with a 502. */
export async function performProxyRequest(request: PreparedRequest): Promise<ProxyAnswer> {
  try {
    const response = await fetch(request.url, {
      method: request.method,
      headers: request.headers,
      ...(request.body !== undefined && { body: request.body }),
      signal: AbortSignal.timeout(request.timeoutMs),
      redirect: "manual",
    });
    const headers: Record<string, string> = {};
    for (const name of ["content-type", "retry-after", "etag"]) {
      const value = response.headers.get(name);
      if (value !== null) headers[name] = value;
    }
    return {
      status: response.status,
      statusText: response.statusText,
      headers,
      body: await response.text(),
    };
  } catch (error) {
    const timedOut = (error as Error).name === "TimeoutError";
    return {
      status: timedOut ? 504 : 502,
      statusText: timedOut ? "Gateway Timeout" : "Bad Gateway",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        error: {
          code: timedOut ? "upstream_timeout" : "upstream_unreachable",
          message: timedOut ? "the upstream did not answer in time" : "the upstream is unreachable",
        },
      }),
    };
  }
}
