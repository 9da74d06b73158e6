import { createRequire } from "node:module";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { AdminClient } from "../../scripts/lib/admin-client";
import { launchChromium } from "../../scripts/lib/chromium";
import { createDemoTenant, type DemoTenant } from "../../scripts/lib/demo-tenant";

describe("the customer web chat page, in Chromium", () => {
  let browser: Browser;
  let page: Page;
  let tenant: DemoTenant;
  const errors: string[] = [];
  beforeAll(async () => {
    const env = inject("e2e");
    tenant = await createDemoTenant(new AdminClient(env.workerUrl, env.operatorToken));
    browser = await launchChromium();
    // Bypassing the page's policy only lets the test inject axe-core below.
    page = await browser.newPage({ locale: "en-US", bypassCSP: true });
    page.on("pageerror", (error) => errors.push(`page error: ${error.message}`));
    page.on("console", (message) => {
      if (message.type() === "error") errors.push(`console: ${message.text()}`);
    });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("sends a message, shows the AI's reply as it comes, and shows the conversation again after a reload", async () => {
    await page.goto(`${inject("e2e").workerUrl}/chat/${tenant.tenantId}`);
    const log = page.getByTestId("chat-log");
    await page.getByLabel("Your message").fill("How long do I have to return something?");
    await page.getByRole("button", { name: "Send" }).click();

    await log.locator('[data-author="customer"]').first().waitFor({ timeout: 20_000 });
    await log.locator('[data-author="support"]').first().waitFor({ timeout: 20_000 });
    const before = await log.locator("li").allTextContents();
    expect(before).toHaveLength(2);
    expect(before[0]).toContain("How long do I have to return something?");
    expect(await page.getByRole("status").textContent()).toBe("Connected");
    await expect
      .poll(() => page.locator("#present li").allTextContents())
      .toEqual(["AI assistant", "You (web chat (Chrome on Linux))"]);

    // The tab comes back: the same browser resumes its conversation from the Worker.
    await page.reload();
    await log.locator('[data-author="support"]').first().waitFor({ timeout: 20_000 });
    expect(await log.locator("li").allTextContents()).toEqual(before);
    // What the browser keeps is the credential, not the conversation.
    const kept = await page.evaluate(() => JSON.stringify(localStorage));
    expect(kept).not.toContain("return something");
    expect(errors).toEqual([]);
  });

  it("has no serious or critical accessibility violations (axe-core)", async () => {
    await page.addScriptTag({
      path: createRequire(import.meta.url).resolve("axe-core/axe.min.js"),
    });
    const violations = await page.evaluate(async () => {
      const axe = (
        window as unknown as {
          axe: {
            run(
              context: Document,
              options: object,
            ): Promise<{ violations: { id: string; impact: string | null }[] }>;
          };
        }
      ).axe;
      return (await axe.run(document, { resultTypes: ["violations"] })).violations;
    });
    expect(
      violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id),
    ).toEqual([]);
  });
});
