import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  openChatPage,
  openTicket,
  openWorkspace,
  playDemo,
  writeInChat,
  type Workspace,
} from "./harness";

describe("a supervisor watching a customer's web chat", () => {
  let workspace: Workspace;
  beforeAll(async () => {
    workspace = await openWorkspace();
    await playDemo(workspace);
    // The journey leaves a sidebar open: the supervisor steps away before the customer comes.
    await workspace.page.goto("about:blank");
  });
  afterAll(async () => {
    await workspace?.close();
  });

  it("is shown to everyone as watching, and the AI keeps answering the customer", async () => {
    const chat = await openChatPage(workspace, { signedInAs: "maya.ortiz@example.com" });
    await writeInChat(chat, "Hello again, it's about my cracked vase.");
    const present = chat.locator("#present li");
    const answers = chat.locator('[data-author="support"]');
    await expect.poll(() => answers.count(), { timeout: 20_000 }).toBe(1);
    await expect
      .poll(() => present.allTextContents(), { timeout: 10_000 })
      .toEqual(["AI assistant", "You (web chat (Chrome on Linux))"]);

    // The preview's user is a Zendesk admin: their sidebar attaches as a supervisor.
    await workspace.page.goto(workspace.preview.url);
    await workspace.page.getByTestId("ticket-row-102").waitFor();
    const sidebar = await openTicket(workspace, "102");
    await expect
      .poll(() => present.allTextContents(), { timeout: 10_000 })
      .toEqual(["AI assistant", "You (web chat (Chrome on Linux))", "supervisor"]);
    await sidebar.getByTestId("control-watching").waitFor({ timeout: 10_000 });
    expect(await sidebar.getByTestId("control-holder").textContent()).toBe(
      "The AI agent has the conversation.",
    );
    expect(await sidebar.getByTestId("control-take-over").count()).toBe(0);

    // The customer carries on; the AI, still in charge, answers her.
    await writeInChat(chat, "Can you tell me when the new one ships?");
    await expect.poll(() => answers.count(), { timeout: 20_000 }).toBe(2);
    expect(await chat.getByRole("status").textContent()).toBe("Connected");
    expect(await sidebar.getByTestId("control-holder").textContent()).toBe(
      "The AI agent has the conversation.",
    );
    expect(await present.allTextContents()).toContain("AI assistant");
    expect(workspace.errors).toEqual([]);
  });
});
