import type { FrameLocator, Locator } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { openTicket, openWorkspace, playDemo, type Workspace } from "./harness";

/** Zendesk's ticket sidebar is about 320 px wide; an agent sees about 600 px of it at once. */
const FIRST_SCREEN = 600;

/**
 * The sidebar at Zendesk's width, after the demo: three tickets of one thread. Each test file
 * has its own tenant, so the approval here does not disturb the other files.
 */
describe("the sidebar at 320 px", () => {
  let workspace: Workspace;
  beforeAll(async () => {
    workspace = await openWorkspace({ viewport: { width: 1280, height: 900 } });
    await playDemo(workspace);
    await workspace.page.getByTestId("preview-toggle-panel").click();
  });
  afterAll(() => workspace?.close());

  /** How far below the top of the app an element ends, in CSS pixels of the iframe. */
  async function bottomInApp(ticket: string, element: Locator): Promise<number> {
    const frame = await workspace.page
      .locator(`iframe[title="Continuity for ticket #${ticket}"]`)
      .boundingBox();
    const box = await element.boundingBox();
    expect(frame, `the iframe of ${ticket}`).not.toBeNull();
    expect(box, `an element in the sidebar of ${ticket}`).not.toBeNull();
    return box!.y + box!.height - frame!.y;
  }

  it("is 320 px wide", async () => {
    await openTicket(workspace, "101");
    const frame = await workspace.page
      .locator('iframe[title="Continuity for ticket #101"]')
      .boundingBox();
    expect(frame!.width).toBe(320);
  });

  for (const ticket of ["101", "102", "103"])
    it(`ticket ${ticket}: who, the next step and the summary are in the first 600 px`, async () => {
      const sidebar = await openTicket(workspace, ticket);
      for (const id of ["customer-line", "standing", "summary-text"])
        expect(await bottomInApp(ticket, sidebar.getByTestId(id)), id).toBeLessThanOrEqual(
          FIRST_SCREEN,
        );
      // Whatever the thread waits on, its control is there too.
      const primary = sidebar.locator(
        '[data-testid="action-approve"], [data-testid="action-continue"]',
      );
      if ((await primary.count()) > 0)
        expect(await bottomInApp(ticket, primary.first())).toBeLessThanOrEqual(FIRST_SCREEN);
      const missing = sidebar.getByTestId("missing-slots");
      if ((await missing.count()) > 0)
        expect(await bottomInApp(ticket, missing)).toBeLessThanOrEqual(FIRST_SCREEN);
    });

  it("two tickets of the thread agree within a second after an action on either", async () => {
    const chat = await openTicket(workspace, "101");
    const email = await openTicket(workspace, "102");
    const stepOf = (s: FrameLocator) => s.getByTestId("workflow-step").textContent();
    const standingOf = (s: FrameLocator) => s.getByTestId("standing").textContent();

    await email.getByTestId("action-approve").click();
    await email.getByTestId("action-done").waitFor();
    await expect.poll(() => stepOf(chat), { timeout: 1_000 }).toBe(await stepOf(email));
    expect(await standingOf(chat)).toBe(await standingOf(email));

    await openTicket(workspace, "101");
    await chat.getByTestId("action-take_over").click();
    await chat.getByTestId("transfer-warm").click();
    await chat.getByTestId("action-done").waitFor();
    await expect
      .poll(() => email.getByTestId("control").getAttribute("data-control"), { timeout: 1_000 })
      .toBe("human");
    expect(await standingOf(email)).toBe(await standingOf(chat));
  });

  it("keeps focus on the control the agent used", async () => {
    const sidebar = await openTicket(workspace, "102");
    const handBack = sidebar.getByTestId("action-hand_back");
    await handBack.focus();
    await handBack.press("Enter");
    await sidebar.getByTestId("action-done").waitFor();
    // The control swaps (hand back → take over); focus stays in the sidebar's controls, not the body.
    const focused = await sidebar
      .locator(":focus")
      .evaluate((e) => e.getAttribute("data-testid") ?? e.tagName);
    expect(focused).not.toBe("BODY");
    expect(focused).toMatch(/^(action-|action-done)/);
  });

  it("a paused Worker gives a named error with a retry that works", async () => {
    const group = inject("e2e").workerGroup;
    expect(group, "the e2e Worker runs in its own process group").not.toBeNull();
    const sidebar = await openTicket(workspace, "102");
    const takeOver = sidebar.getByTestId("action-take_over");
    await takeOver.waitFor();
    // Start from a settled thread the sidebar shows: the retry acts on what the agent saw, and
    // an AI reply landing meanwhile would rightly make it stale.
    let before = await workspace.context("102");
    await expect
      .poll(
        async () => {
          const now = await workspace.context("102");
          const settled = now.version === before.version;
          before = now;
          const shown = await sidebar.getByTestId("sidebar").getAttribute("data-version");
          return settled && shown === String(now.version);
        },
        { timeout: 30_000, interval: 1_500 },
      )
      .toBe(true);
    process.kill(-group!, "SIGSTOP");
    try {
      await takeOver.click();
      await sidebar.getByTestId("transfer-warm").click();
      const notice = sidebar.getByTestId("notice");
      await notice.waitFor({ timeout: 30_000 });
      expect(await notice.textContent()).toContain("Taking over did not go through");
      expect(await notice.textContent()).not.toMatch(/\b[45]\d\d\b/);
    } finally {
      process.kill(-group!, "SIGCONT");
    }
    await sidebar.getByTestId("notice-retry").click();
    // Either the retry did it, or the first call landed once the Worker woke and the retry
    // found the thread moved: both end with a person in control, taken over once.
    await expect
      .poll(async () => (await workspace.context("102")).control, { timeout: 15_000 })
      .toBe("human");
    await expect
      .poll(() => sidebar.getByTestId("control").getAttribute("data-control"), { timeout: 5_000 })
      .toBe("human");
    const after = await workspace.context("102");
    const takeOvers = after.timeline.filter(
      (e) =>
        e.kind === "control" && e.at > before.thread.lastEventAt && /person|human/i.test(e.text),
    );
    expect(takeOvers).toHaveLength(1);
  });

  it("raised no errors in the page or the app", () => {
    // While the Worker was paused the browser logs the proxy's failed calls; nothing else.
    expect(workspace.errors.filter((e) => !/Failed to load resource/.test(e))).toEqual([]);
  });
});
