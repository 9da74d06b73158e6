import { createHmac, randomUUID } from "node:crypto";
import type { Browser, FrameLocator, Page } from "playwright-core";
import { expect, inject } from "vitest";
import type { ContextContract } from "../../worker/src/contracts/context";
import { AdminClient } from "../../scripts/lib/admin-client";
import { launchChromium } from "../../scripts/lib/chromium";
import { createDemoTenant, type DemoTenant } from "../../scripts/lib/demo-tenant";
import { loadDemoJourney, type DemoJourney } from "../preview/demo-journey";
import { startPreview, type Preview, type PreviewOptions } from "../preview/server";

export interface Workspace {
  preview: Preview;
  browser: Browser;
  page: Page;
  demo: DemoJourney;
  /** The tenant the sidebar reads (never written to .wrangler/continuity-demo.json). */
  tenant: () => DemoTenant;
  /** What the Worker's context API says for a ticket, read directly with the app secret. */
  context: (ticketId: string) => Promise<ContextContract>;
  /** The sidebar app of one ticket. */
  sidebar: (ticketId: string) => FrameLocator;
  /** Browser errors seen so far: a test can assert there were none. */
  errors: string[];
  close: () => Promise<void>;
}

/**
 * The preview against the run's Worker with a fresh tenant of its own, and Chromium on its page.
 * `appDir` swaps the app for another package folder (the SDK fixture).
 */
export async function openWorkspace(
  options: {
    appDir?: string;
    viewport?: { width: number; height: number };
    /** Sign in as someone other than the admin who connected the app (an agent). */
    user?: PreviewOptions["user"];
  } = {},
): Promise<Workspace> {
  const env = inject("e2e");
  const admin = new AdminClient(env.workerUrl, env.operatorToken);
  let tenant: DemoTenant | null = null;
  const demo = loadDemoJourney();
  const preview = await startPreview({
    workerUrl: env.workerUrl,
    operatorToken: env.operatorToken,
    standins: env.standins,
    tenants: {
      load: async () => (tenant ??= await createDemoTenant(admin)),
      renew: async () => (tenant = await createDemoTenant(admin)),
    },
    demo,
    appDir: options.appDir ?? env.appDir,
    ...(options.user && { user: options.user }),
  });
  const browser = await launchChromium();
  const page = await browser.newPage({
    viewport: options.viewport ?? { width: 1280, height: 900 },
  });
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(`page error: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(`console: ${message.text()}`);
  });
  await page.goto(preview.url);
  await page.getByTestId("preview-play-next").waitFor();
  return {
    preview,
    browser,
    page,
    demo,
    tenant: () => preview.session().tenant,
    context: async (ticketId) => {
      const response = await fetch(`${env.workerUrl}/v1/tickets/${ticketId}/context`, {
        headers: { authorization: `Bearer ${preview.session().tenant.appSecret}` },
      });
      expect(response.status, `context of ticket ${ticketId}`).toBe(200);
      return (await response.json()) as ContextContract;
    },
    sidebar: (ticketId) => page.frameLocator(`iframe[title="Continuity for ticket #${ticketId}"]`),
    errors,
    close: async () => {
      await browser.close();
      await preview.stop();
    },
  };
}

/** Press "Play all" and wait for the last chapter; every journey check must have passed. */
export async function playDemo(workspace: Workspace): Promise<void> {
  const { page, demo } = workspace;
  await page.getByTestId("preview-play-all").click();
  const last = `[data-testid="chapter-${demo.chapters.length - 1}"]`;
  await page.waitForSelector(`${last}[data-state="played"], ${last}[data-state="failed"]`, {
    timeout: 60_000,
  });
  // Runs in beforeAll too, where expect() cannot: a failed check is thrown.
  const failed = await page.locator(".chapter li.bad").allTextContents();
  if (failed.length > 0) throw new Error(`journey checks failed:\n${failed.join("\n")}`);
}

/** Open a ticket from the view, as an agent would, and wait for its sidebar to show a thread. */
export async function openTicket(workspace: Workspace, ticketId: string): Promise<FrameLocator> {
  const row = workspace.page.getByTestId(`ticket-row-${ticketId}`);
  // With the demo panel hidden the ticket is reached by its tab, as in Support.
  if (await row.isVisible()) await row.click();
  else await workspace.page.getByTestId(`tab-${ticketId}`).click();
  const sidebar = workspace.sidebar(ticketId);
  await sidebar.getByTestId("workflow-step").waitFor({ timeout: 20_000 });
  return sidebar;
}

/**
 * A customer token as the tenant's site backend signs one for a logged-in customer
 * (docs/web-chat.md): the page opens the chat as that customer.
 */
export function customerToken(tenant: DemoTenant, email: string): string {
  const payload = Buffer.from(
    JSON.stringify({
      v: 1,
      tenant: tenant.tenantId,
      contact: { type: "email", value: email },
      jti: randomUUID(),
      exp: Math.floor(Date.now() / 1000) + 300,
    }),
  ).toString("base64url");
  return `${payload}.${createHmac("sha256", tenant.appSecret).update(payload).digest("hex")}`;
}

/**
 * The customer's web chat page in a browser context of its own (its own cookies and storage:
 * another device, another person), optionally signed in on the tenant's site.
 */
export async function openChatPage(
  workspace: Workspace,
  options: { signedInAs?: string } = {},
): Promise<Page> {
  const context = await workspace.browser.newContext({ locale: "en-US" });
  const page = await context.newPage();
  page.on("pageerror", (error) => workspace.errors.push(`chat page error: ${error.message}`));
  const tenant = workspace.tenant();
  const fragment = options.signedInAs
    ? `#customer-token=${customerToken(tenant, options.signedInAs)}`
    : "";
  await page.goto(`${inject("e2e").workerUrl}/chat/${tenant.tenantId}${fragment}`);
  return page;
}

/** The customer writes on the web chat page and waits until the Worker has their message. */
export async function writeInChat(page: Page, text: string): Promise<void> {
  const before = await page.locator('[data-author="customer"]').count();
  await page.getByLabel("Your message").fill(text);
  await page.getByRole("button", { name: "Send" }).click();
  await expect
    .poll(() => page.locator('[data-author="customer"]').count(), { timeout: 20_000 })
    .toBe(before + 1);
}

/**
 * The newest one-time code the customer was sent by email: Continuity sends it as a public reply
 * on her own ticket, which Zendesk (here its stand-in) emails to the requester.
 */
export async function codeInTheCustomersEmail(workspace: Workspace): Promise<string> {
  const { standins } = inject("e2e");
  const state = (await (
    await fetch(`${standins.zendesk}/__control/${workspace.preview.session().space}/state`)
  ).json()) as { tickets: Record<string, { comments: { body: string; public: boolean }[] }> };
  const codes = Object.values(state.tickets)
    .flatMap((t) => t.comments)
    .filter((c) => c.public)
    .flatMap((c) => [...c.body.matchAll(/verification code is (\d{6})/g)].map((m) => m[1]!));
  expect(codes.length, "a code in the customer's email").toBeGreaterThan(0);
  return codes.at(-1)!;
}

/** An agent of the account (not an admin): their sidebar attaches as an agent. */
export const AGENT_DANA = {
  id: 502,
  name: "Dana Whitfield",
  email: "dana.whitfield@example.com",
  role: "agent",
} as const;
