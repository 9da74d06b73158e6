import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  codeInTheCustomersEmail,
  openChatPage,
  openWorkspace,
  playDemo,
  writeInChat,
  type Workspace,
} from "./harness";

const lines = (page: Page) => page.getByTestId("chat-log").locator("li").allTextContents();

describe("a customer moving to another device mid-conversation", () => {
  let workspace: Workspace;
  beforeAll(async () => {
    workspace = await openWorkspace();
    await playDemo(workspace);
  });
  afterAll(async () => {
    await workspace?.close();
  });

  it("sees nothing of it on the new device until the code sent to her email comes back, then the whole conversation and where it stands", async () => {
    // On her laptop Maya is signed in on the store's site and asks about her replacement.
    const laptop = await openChatPage(workspace, { signedInAs: "maya.ortiz@example.com" });
    await writeInChat(laptop, "Hello, is there news on my replacement vase?");
    await expect
      .poll(() => laptop.locator('[data-author="support"]').count(), { timeout: 20_000 })
      .toBe(1);
    const earlier = await lines(laptop);
    expect(earlier[1]).toContain('still on "approve the replacement"');
    await laptop.context().close();

    // On her phone (another browser context: nothing stored) she starts anonymous.
    const phone = await openChatPage(workspace);
    await writeInChat(
      phone,
      "Hi, it's Maya Ortiz, maya.ortiz@example.com. I was chatting about my cracked vase.",
    );
    const answers = phone.locator('[data-author="support"]');
    await expect.poll(() => answers.count(), { timeout: 20_000 }).toBe(1);
    expect(await answers.first().textContent()).toContain("sent a one-time code by email");
    const before = (await lines(phone)).join("\n");
    expect(before).not.toContain("replacement vase");
    expect(before).not.toContain("approve the replacement");

    // She reads the code in her email and types it in.
    // (Typed directly: once it lands, the page starts over with her laptop visit, so it is
    // not simply one more line.)
    await phone.getByLabel("Your message").fill(await codeInTheCustomersEmail(workspace));
    await phone.getByRole("button", { name: "Send" }).click();
    await expect
      .poll(() => lines(phone), { timeout: 20_000 })
      .toEqual([
        ...earlier,
        expect.stringContaining("it's Maya Ortiz"),
        expect.stringContaining("sent a one-time code by email"),
        "You••••••",
        expect.stringContaining('still on "approve the replacement"'),
      ]);

    // The conversation is the Worker's, not the phone's: a reload shows it all again.
    await phone.reload();
    await expect.poll(() => lines(phone), { timeout: 20_000 }).toHaveLength(6);
    expect(await phone.getByRole("status").textContent()).toBe("Connected");
    expect(workspace.errors).toEqual([]);
  });
});
