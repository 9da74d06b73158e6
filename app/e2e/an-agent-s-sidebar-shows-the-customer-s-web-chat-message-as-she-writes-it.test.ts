import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  AGENT_DANA,
  openChatPage,
  openTicket,
  openWorkspace,
  playDemo,
  writeInChat,
  type Workspace,
} from "./harness";

describe("an agent's sidebar beside the customer's web chat", () => {
  let workspace: Workspace;
  let chat: Page;
  beforeAll(async () => {
    workspace = await openWorkspace({ user: AGENT_DANA });
    await playDemo(workspace);
  });
  afterAll(async () => {
    await workspace?.close();
  });

  it("shows the customer arriving and what she writes on the chat page, live", async () => {
    const sidebar = await openTicket(workspace, "102");
    const participants = sidebar.getByTestId("participant");
    await expect.poll(() => participants.count(), { timeout: 15_000 }).toBe(2);
    expect(await participants.nth(1).getAttribute("data-role")).toBe("agent");

    // Maya is signed in on the store's site, in a browser of her own.
    chat = await openChatPage(workspace, { signedInAs: "maya.ortiz@example.com" });
    const words = "Any news on the replacement vase? I'm home all day Friday.";
    await writeInChat(chat, words);

    const timeline = sidebar.getByTestId("timeline-entry");
    await expect
      .poll(() => timeline.allTextContents(), { timeout: 10_000 })
      .toContainEqual(expect.stringContaining("home all day Friday"));
    await expect
      .poll(() => participants.allTextContents(), { timeout: 10_000 })
      .toContainEqual(expect.stringContaining("web chat (Chrome on Linux)"));
    // And she sees that someone from support is there.
    await expect
      .poll(() => chat.locator("#present li").allTextContents())
      .toContain("support agent");
    expect(workspace.errors).toEqual([]);
  });
});
