import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { AdminClient } from "../../scripts/lib/admin-client";
import { createDemoTenant } from "../../scripts/lib/demo-tenant";
import { loadDemoJourney } from "../preview/demo-journey";
import { startPreview, type Preview } from "../preview/server";
import {
  prepareProxyRequest,
  type InstallationSettings,
  type ProxyPolicy,
} from "../preview/zaf-proxy";

const settings: InstallationSettings = {
  definitions: [
    { name: "workerUrl", secure: false, scopes: [] },
    { name: "appSecret", secure: true, scopes: ["header"] },
  ],
  values: { workerUrl: "http://127.0.0.1:9", appSecret: "s3cret-value" },
};
const policy: ProxyPolicy = {
  allowedOrigins: ["http://127.0.0.1:9"],
  zendeskApi: { baseUrl: "http://127.0.0.1:8/s/acme", authorization: "Basic agent" },
};
const prepare = (options: unknown) => prepareProxyRequest(options, settings, policy);
const refusal = (options: unknown) => {
  const prepared = prepare(options);
  return prepared.ok ? null : [prepared.status, prepared.code];
};
const url = "http://127.0.0.1:9/v1/tickets/1/context";
const auth = { Authorization: "Bearer {{setting.appSecret}}" };

describe("the ZAF proxy's rules", () => {
  it("fills a secure setting into a header when the request is secure", () => {
    expect(prepare({ url, headers: auth, secure: true })).toMatchObject({
      ok: true,
      method: "GET",
      url,
      headers: { authorization: "Bearer s3cret-value" },
    });
  });

  it("leaves placeholders as written when the request is not secure", () => {
    expect(prepare({ url, headers: auth })).toMatchObject({
      ok: true,
      headers: { authorization: "Bearer {{setting.appSecret}}" },
    });
  });

  it("fills public settings anywhere in a secure request", () => {
    expect(prepare({ url: "{{setting.workerUrl}}/v1/x", secure: true })).toMatchObject({
      ok: true,
      url: "http://127.0.0.1:9/v1/x",
    });
  });

  it("keeps a secure setting to the places its scopes name", () => {
    expect(refusal({ url: `${url}?k={{setting.appSecret}}`, secure: true })).toEqual([
      400,
      "setting_out_of_scope",
    ]);
    expect(
      refusal({
        url,
        type: "POST",
        data: '{"k":"{{setting.appSecret}}"}',
        contentType: "application/json",
        secure: true,
      }),
    ).toEqual([400, "setting_out_of_scope"]);
  });

  it("refuses settings the app does not have", () => {
    expect(refusal({ url, headers: { A: "{{setting.nope}}" }, secure: true })).toEqual([
      400,
      "unknown_setting",
    ]);
  });

  it("sends requests only to the whitelisted origin", () => {
    expect(refusal({ url: "https://example.com/x", headers: auth, secure: true })).toEqual([
      403,
      "domain_not_allowed",
    ]);
    expect(refusal({ url: "http://127.0.0.1:10/x" })).toEqual([403, "domain_not_allowed"]);
  });

  it("sends relative /api/v2 URLs to the account's Zendesk API as the agent", () => {
    expect(prepare({ url: "/api/v2/tickets/1.json" })).toMatchObject({
      ok: true,
      url: "http://127.0.0.1:8/s/acme/api/v2/tickets/1.json",
      headers: { authorization: "Basic agent" },
    });
    expect(refusal({ url: "/etc/passwd" })).toEqual([400, "invalid_url"]);
  });

  it("encodes data the way jQuery does", () => {
    expect(prepare({ url, data: { a: "1", b: "x y" } })).toMatchObject({
      url: `${url}?a=1&b=x+y`,
    });
    expect(
      prepare({ url, type: "post", data: { a: 1 }, contentType: "application/json" }),
    ).toMatchObject({
      method: "POST",
      body: '{"a":1}',
      headers: { "content-type": "application/json" },
    });
    expect(prepare({ url, type: "PUT", data: { a: "1" } })).toMatchObject({
      body: "a=1",
      headers: { "content-type": "application/x-www-form-urlencoded; charset=UTF-8" },
    });
  });

  it.each([
    ["not an object", "GET /x", 400, "invalid_request"],
    ["no url", {}, 400, "invalid_url"],
    ["an unknown method", { url, type: "TRACE" }, 400, "invalid_method"],
    ["secure as a string", { url, secure: "yes" }, 400, "invalid_option"],
    ["secure with cors", { url, secure: true, cors: true }, 400, "secure_needs_proxy"],
    ["headers as a list", { url, headers: ["a"] }, 400, "invalid_headers"],
    ["a header value that is not a string", { url, headers: { A: 1 } }, 400, "invalid_headers"],
    [
      "a header name with an underscore",
      { url, headers: { X_Key: "1" } },
      400,
      "invalid_header_name",
    ],
    ["data as a number", { url, type: "POST", data: 5 }, 400, "invalid_data"],
    ["a negative timeout", { url, timeout: -1 }, 400, "invalid_option"],
    ["a URL that is not one", { url: "http//nope" }, 400, "invalid_url"],
    ["a file URL", { url: "file:///etc/passwd" }, 400, "invalid_url"],
  ])("refuses %s", (_, options, status, code) => {
    expect(refusal(options)).toEqual([status, code]);
  });
});

describe("the preview server refuses bad input with a 4xx JSON error", () => {
  let preview: Preview;
  beforeAll(async () => {
    const env = inject("e2e");
    const admin = new AdminClient(env.workerUrl, env.operatorToken);
    const tenant = await createDemoTenant(admin);
    preview = await startPreview({
      workerUrl: env.workerUrl,
      operatorToken: env.operatorToken,
      standins: env.standins,
      tenants: { load: async () => tenant, renew: () => createDemoTenant(admin) },
      demo: loadDemoJourney(),
      appDir: env.appDir,
    });
  });
  afterAll(() => preview?.stop());

  const post = (path: string, body: string, headers: Record<string, string> = {}) =>
    fetch(new URL(path, preview.url), {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body,
    });
  const errorOf = async (response: Response) => {
    expect(response.headers.get("content-type")).toMatch(/application\/json/);
    return [response.status, ((await response.json()) as { error: { code: string } }).error.code];
  };

  it.each([
    ["a body that is not JSON", () => post("/api/zaf/request", "{"), 400, "invalid_json"],
    ["no options", () => post("/api/zaf/request", "{}"), 400, "invalid_request"],
    [
      "a form post",
      () =>
        post("/api/zaf/request", "a=1", { "content-type": "application/x-www-form-urlencoded" }),
      415,
      "unsupported_media_type",
    ],
    [
      "another site's page",
      () =>
        post("/api/zaf/request", '{"options":{"url":"/api/v2/x"}}', {
          origin: "https://evil.example",
        }),
      403,
      "foreign_origin",
    ],
    [
      "a body over the limit",
      () => post("/api/zaf/request", JSON.stringify({ options: { url: "x".repeat(1_200_000) } })),
      413,
      "body_too_large",
    ],
    ["an unknown endpoint", () => post("/api/nothing", "{}"), 404, "not_found"],
    ["the wrong method", () => fetch(new URL("/api/journey/next", preview.url)), 404, "not_found"],
  ])("refuses %s", async (_, send, status, code) => {
    expect(await errorOf(await send())).toEqual([status, code]);
  });

  it("serves the app's origin only its built assets, never files around them", async () => {
    const app = preview.appOrigin;
    expect((await fetch(`${app}/assets/iframe.html`)).status).toBe(200);
    expect(await errorOf(await fetch(`${app}/`))).toEqual([404, "not_found"]);
    expect(await errorOf(await fetch(`${app}/assets/..%2f..%2fpackage.json`))).toEqual([
      404,
      "not_found",
    ]);
    expect(await errorOf(await fetch(`${app}/assets/nope.js`))).toEqual([404, "not_found"]);
  });
});
