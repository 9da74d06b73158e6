import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT } from "../../scripts/lib/local-env";
import { readPngHeader } from "../../scripts/package/png";
import { openTicket, openWorkspace, playDemo, type Workspace } from "./harness";

/**
 * The marketplace screenshots (assets/screenshot-0..2.png, 1024×768 as Zendesk requires) and the
 * README's docs/sidebar.png, taken from the preview after the demo journey. They are written into
 * the repo only with UPDATE_SCREENSHOTS=1, so an ordinary test run leaves the tree clean; without
 * it they go to .state/screenshots/ and are checked the same way.
 */
const UPDATE = process.env.UPDATE_SCREENSHOTS === "1";
const OUT = UPDATE ? ROOT : path.join(ROOT, ".state", "screenshots");

function save(relative: string, png: Buffer, size?: { width: number; height: number }) {
  const header = readPngHeader(png);
  expect(header, relative).not.toBeNull();
  if (size) expect({ width: header!.width, height: header!.height }, relative).toEqual(size);
  const file = path.join(OUT, relative);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, png);
}

describe("screenshots", () => {
  let workspace: Workspace;
  beforeAll(async () => {
    workspace = await openWorkspace({ viewport: { width: 1024, height: 768 } });
    await playDemo(workspace);
    // The demo panel is the preview's own; the marketplace shows the app in Support.
    await workspace.page.getByTestId("preview-toggle-panel").click();
  });
  afterAll(() => workspace?.close());

  /** Scroll the apps column so that an element of the sidebar app is at its top. */
  async function scrollSidebarTo(ticket: string, testId: string, margin = 8) {
    const box = await workspace.sidebar(ticket).getByTestId(testId).first().boundingBox();
    expect(box, `${testId} in the sidebar of ${ticket}`).not.toBeNull();
    await workspace.page.locator("aside.apps").evaluate(
      (apps, [top, gap]) => {
        apps.scrollTop += top! - apps.getBoundingClientRect().top - gap!;
      },
      [box!.y, margin],
    );
  }

  it("0: the sidebar waiting on a person to approve, on the email ticket", async () => {
    const sidebar = await openTicket(workspace, "102");
    await sidebar.getByTestId("action-approve").waitFor();
    // The first screen: who, the next step with its control, what is missing, the summary.
    await workspace.page.locator("aside.apps").evaluate((apps) => (apps.scrollTop = 0));
    save("assets/screenshot-0.png", await workspace.page.screenshot(), {
      width: 1024,
      height: 768,
    });
  });

  it("1: the same thread on the phone call, where identity is only low", async () => {
    const sidebar = await openTicket(workspace, "103");
    await expect
      .poll(() => sidebar.getByTestId("identity-level").getAttribute("data-level"))
      .toBe("low");
    await scrollSidebarTo("103", "identity-level");
    save("assets/screenshot-1.png", await workspace.page.screenshot(), {
      width: 1024,
      height: 768,
    });
  });

  it("2: one timeline across chat, email and voice", async () => {
    const sidebar = await openTicket(workspace, "102");
    // The timeline is folded below what the agent acts on; opened here, as an agent would.
    await sidebar.getByTestId("timeline-fold").locator("summary").click();
    await sidebar.getByTestId("timeline-entry").first().waitFor();
    await scrollSidebarTo("102", "timeline-entry");
    save("assets/screenshot-2.png", await workspace.page.screenshot(), {
      width: 1024,
      height: 768,
    });
  });

  it("the README's picture: the workspace with the sidebar, in a wider window", async () => {
    await workspace.page.setViewportSize({ width: 1280, height: 860 });
    await workspace.page.getByTestId("preview-toggle-panel").click();
    await openTicket(workspace, "102");
    await workspace.page.locator("aside.apps").evaluate((apps) => (apps.scrollTop = 0));
    save("docs/sidebar.png", await workspace.page.screenshot(), { width: 1280, height: 860 });
  });
});
