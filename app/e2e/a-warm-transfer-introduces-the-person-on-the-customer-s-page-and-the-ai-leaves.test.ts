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

describe("a warm transfer of a web chat customer", () => {
  let workspace: Workspace;
  beforeAll(async () => {
    workspace = await openWorkspace({ user: AGENT_DANA });
    await playDemo(workspace);
  });
  afterAll(async () => {
    await workspace?.close();
  });

  it("shows the customer the AI introducing the person, then the person's first message under her first name, and the AI leaves", async () => {
    const chat = await openChatPage(workspace, { signedInAs: "maya.ortiz@example.com" });
    await writeInChat(chat, "The vase is still cracked. Can a person help me with this?");
    const answers = chat.locator('[data-author="support"]');
    const present = chat.locator("#present li");
    await expect.poll(() => answers.count(), { timeout: 20_000 }).toBe(1);
    await expect.poll(() => present.allTextContents()).toContain("AI assistant");

    // Dana, an agent, takes the conversation from the AI in her sidebar, warm, as a person would.
    const sidebar = await openTicket(workspace, "102");
    await sidebar.getByTestId("action-take_over").click();
    await sidebar.getByTestId("transfer-warm").click();
    await sidebar.getByTestId("action-done").waitFor();

    await expect.poll(() => answers.count(), { timeout: 10_000 }).toBe(2);
    expect(await answers.last().textContent()).toContain(
      "Dana from our team is joining this conversation. They can see everything we've talked about so far",
    );
    expect(await present.allTextContents()).toContain("AI assistant");
    await sidebar.getByTestId("control-ai-staying").waitFor();
    expect(await present.allTextContents()).toContain("support agent");

    await sidebar
      .getByTestId("chat-reply-input")
      .fill("Hi, Dana here. A new vase goes out to you today.");
    await sidebar.getByTestId("chat-reply-send").click();
    const person = chat.locator('[data-author="person"]');
    await expect
      .poll(() => person.allTextContents(), { timeout: 10_000 })
      .toEqual(["DanaHi, Dana here. A new vase goes out to you today."]);
    await expect
      .poll(() => present.allTextContents(), { timeout: 10_000 })
      .not.toContain("AI assistant");
    expect(await sidebar.getByTestId("control-holder").textContent()).toBe(
      "You have the conversation.",
    );
    // The AI said nothing more once the person was there.
    expect(await answers.count()).toBe(2);
    expect(await sidebar.getByTestId("chat-reply-input").inputValue()).toBe("");
    expect(workspace.errors).toEqual([]);
  });
});
