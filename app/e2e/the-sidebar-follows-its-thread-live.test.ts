import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { POLL_INTERVAL_MS } from "../src/hooks/useLiveUpdates";
import { openTicket, openWorkspace, playDemo, type Workspace } from "./harness";

/** Calls the Worker as the app does, with the tenant's app secret. */
async function asTheApp(workspace: Workspace, path: string, body: unknown): Promise<Response> {
  return fetch(`${inject("e2e").workerUrl}${path}`, {
    method: "POST",
    headers: {
      authorization: `Bearer ${workspace.tenant().appSecret}`,
      "content-type": "application/json",
    },
    body: JSON.stringify(body),
  });
}

describe("the sidebar in its thread's live session", () => {
  let workspace: Workspace;
  let watcher: Page | null = null;
  beforeAll(async () => {
    workspace = await openWorkspace();
    await playDemo(workspace);
  });
  afterAll(async () => {
    await watcher?.close();
    await workspace?.close();
  });

  it("shows who is there, and another person's approval within a second or two, without polling", async () => {
    const sidebar = await openTicket(workspace, "102");
    const participants = sidebar.getByTestId("participant");
    // The AI agent is there with the agent while it has the conversation, listed first.
    await expect.poll(() => participants.count(), { timeout: 15_000 }).toBe(2);
    expect(await participants.first().getAttribute("data-role")).toBe("ai");
    // The workspace's user is a Zendesk admin: their sidebar attaches as a supervisor.
    expect(await participants.nth(1).getAttribute("data-role")).toBe("supervisor");

    // A supervisor watches from another browser page, with a token of their own.
    const before = await workspace.context("102");
    const asked = await asTheApp(workspace, `/v1/threads/${before.thread.id}/session-tokens`, {
      ticketId: "102",
      actor: "Sam Lead",
      role: "supervisor",
      label: "supervisor console",
    });
    expect(asked.status).toBe(201);
    const { token, attach } = (await asked.json()) as { token: string; attach: string };
    const url = new URL(attach, inject("e2e").workerUrl);
    url.protocol = "ws:";
    url.searchParams.set("token", token);
    url.searchParams.set("after", String(before.version));
    watcher = await workspace.browser.newPage();
    await watcher.goto(`${inject("e2e").workerUrl}/health`);
    await watcher.evaluate((address) => {
      Object.assign(window, { session: new WebSocket(address) });
    }, url.toString());
    await expect.poll(() => participants.count(), { timeout: 10_000 }).toBe(3);
    expect(await participants.nth(2).textContent()).toContain("Sam Lead");

    // Another agent approves from their own sidebar: this one follows long before a poll would.
    const stepBefore = await sidebar.getByTestId("workflow-step").textContent();
    const started = Date.now();
    const approved = await asTheApp(workspace, `/v1/threads/${before.thread.id}/actions`, {
      action: "approve",
      expectedVersion: before.version,
      ticketId: "102",
      actor: "agent-2",
    });
    expect(approved.status).toBe(200);
    await expect
      .poll(() => sidebar.getByTestId("workflow-step").textContent(), {
        timeout: POLL_INTERVAL_MS,
        interval: 50,
      })
      .not.toBe(stepBefore);
    expect(Date.now() - started).toBeLessThan(3_000);

    // The supervisor leaves; the sidebar says so.
    await watcher.close();
    watcher = null;
    await expect.poll(() => participants.count(), { timeout: 10_000 }).toBe(2);
  });

  it("raised no errors in the page or the app", () => {
    expect(workspace.errors).toEqual([]);
  });
});
