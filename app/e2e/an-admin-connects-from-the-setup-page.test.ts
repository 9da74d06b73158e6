import type { FrameLocator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openWorkspace, playDemo, type Workspace } from "./harness";

const NAV_BAR = "Continuity (nav bar)";

/**
 * The admin's whole path in the preview, against the Zendesk stand-in: Connect from the nav bar's
 * Setup page, approve on the consent screen in its own window, see the checklist go green once a
 * journey has been played, break the order system and read why, and disconnect.
 */
describe("an admin connects from the setup page", () => {
  let workspace: Workspace;
  let app: FrameLocator;

  /** Click what opens Zendesk's consent window, approve there, and let it close. */
  async function approveIn(open: () => Promise<void>) {
    const [popup] = await Promise.all([
      workspace.page.context().waitForEvent("page", { timeout: 20_000 }),
      open(),
    ]);
    const consent = popup as Page;
    await consent.waitForURL(/oauth\/authorizations\/new/, { timeout: 20_000 });
    await consent.locator("#allow").click();
    await consent.waitForEvent("close", { timeout: 20_000 }).catch(() => undefined);
  }

  const row = (id: string) => app.getByTestId(`setup-row-${id}`);

  /** Back to the nav bar app's Setup tab (playing the demo shows the tickets instead). */
  async function showSetup() {
    await workspace.page.getByTestId("rail-app").click();
    await app.getByTestId("navbar-tab-setup").click();
    await app.getByTestId("setup-page").waitFor({ timeout: 20_000 });
  }

  /** "Sign in as admin with Zendesk", approved on the stand-in's consent screen. */
  async function signIn() {
    await approveIn(() => app.getByTestId("setup-sign-in-button").click());
    await app
      .locator('[data-testid="setup-page"][data-connected="true"]')
      .waitFor({ timeout: 30_000 });
  }

  beforeAll(async () => {
    workspace = await openWorkspace({ viewport: { width: 1280, height: 900 } });
    app = workspace.page.frameLocator(`iframe[title="${NAV_BAR}"]`);
    await showSetup();
    await app.getByTestId("setup-connect-button").waitFor({ timeout: 20_000 });
  });
  afterAll(() => workspace?.close());

  it("connects through Zendesk's consent screen and the page sees it", async () => {
    const before = workspace.tenant().appSecret;
    await approveIn(() => app.getByTestId("setup-connect-button").click());
    await app
      .locator('[data-testid="setup-page"][data-connected="true"]')
      .waitFor({ timeout: 30_000 });
    expect(await app.getByTestId("setup-row-zendesk-detail").textContent()).toBe(
      "Connected by Zendesk user 501 with the scopes read, write.",
    );
    expect(await row("webhook").getAttribute("data-state")).toBe("ok");
    // Connect wrote a new app secret into the installation; nobody copied it.
    expect(workspace.tenant().appSecret).not.toBe(before);
  });

  it("asks an admin to sign in with Zendesk again after a reload", async () => {
    await workspace.page.reload();
    await showSetup();
    await app.getByTestId("setup-sign-in-button").waitFor({ timeout: 20_000 });
    expect(await app.getByTestId("setup-form-orders").count()).toBe(0);
    await signIn();
    expect(await row("zendesk").getAttribute("data-state")).toBe("ok");
  });

  it("turns every row green once a journey has been played", async () => {
    await playDemo(workspace);
    await showSetup();
    // Should the app have been loaded afresh, its session went with it.
    if (await app.getByTestId("setup-sign-in-button").isVisible()) await signIn();
    await expect
      .poll(
        async () => {
          await app.getByTestId("setup-refresh").click();
          return app
            .locator('[data-testid^="setup-row-"][data-state]')
            .evaluateAll((rows) =>
              rows
                .filter((r) => r.getAttribute("data-state") !== "ok")
                .map((r) => r.getAttribute("data-testid")),
            );
        },
        { timeout: 30_000, interval: 1_000 },
      )
      .toEqual([]);
    expect(await app.getByTestId("setup-row-lastEvent-detail").textContent()).toMatch(
      /from (zendesk|sunco|channel)/,
    );
  });

  it("shows why the order system's test call fails after it is pointed at a bad address", async () => {
    const form = app.getByTestId("setup-form-orders");
    await app.getByTestId("setup-orders-kind").selectOption("http");
    await app.getByTestId("setup-orders-baseUrl").fill("not an address");
    await app.getByTestId("setup-form-orders-save").click();
    expect(await app.getByTestId("setup-orders-baseUrl-error").textContent()).toMatch(/URL/i);

    await app.getByTestId("setup-orders-baseUrl").fill("http://127.0.0.1:9/orders");
    await app.getByTestId("setup-form-orders-save").click();
    await row("orders").and(app.locator('[data-state="attention"]')).waitFor({ timeout: 20_000 });
    await app.getByTestId("setup-form-orders-test").click();
    await expect
      .poll(() => form.getByTestId("setup-form-orders-status").textContent(), { timeout: 20_000 })
      .toMatch(/The test call failed: .+/);
    expect(await row("orders").textContent()).toContain("The test call failed");
  });

  it("disconnects, saying first what goes and what is kept", async () => {
    const panel = app.getByTestId("setup-disconnect");
    expect(await panel.textContent()).toContain("kept until their retention ends");
    await app.getByTestId("setup-disconnect-button").click();
    await approveIn(() => app.getByTestId("setup-disconnect-confirm").click());
    // Disconnect ends the admin sessions too: the page offers Connect (and sign-in) again.
    await app
      .locator(
        '[data-testid="setup-page"][data-connected="false"], [data-testid="setup-page"][data-signed-in="false"]',
      )
      .waitFor({ timeout: 30_000 });
    expect(workspace.errors).toEqual([]);
  });
});
