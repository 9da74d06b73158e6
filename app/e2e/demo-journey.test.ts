import type { FrameLocator } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Expectation } from "../../scripts/journeys/format";
import type { ContextContract } from "../../worker/src/contracts/context";
import { openTicket, openWorkspace, playDemo, type Workspace } from "./harness";

/** What the sidebar shows, read from the rendered DOM only. */
async function rendered(sidebar: FrameLocator) {
  return {
    threadId: (await sidebar.getByTestId("thread-id").textContent())?.trim(),
    level: await sidebar.getByTestId("identity-level").getAttribute("data-level"),
    levelText: (await sidebar.getByTestId("identity-level").textContent())?.trim(),
    step: (await sidebar.getByTestId("workflow-step").textContent())?.trim(),
    current: await sidebar
      .locator('[data-testid="workflow-step-item"]')
      .evaluateAll((items) => items.findIndex((i) => i.getAttribute("data-status") === "current")),
    missing: await sidebar
      .getByTestId("missing-slot")
      .evaluateAll((items) => items.map((i) => i.getAttribute("data-slot"))),
  };
}

/** What the context API says the sidebar must show. */
function expected(context: ContextContract) {
  const workflow = context.workflow!;
  return {
    threadId: context.thread.id,
    level: context.identity.level,
    step: `Step ${Math.min(workflow.stepNumber, workflow.stepCount)} of ${workflow.stepCount}`,
    current: workflow.steps.findIndex((s) => s.status === "current"),
    missing: workflow.missing,
  };
}

describe("the demo journey in the sidebar", () => {
  let workspace: Workspace;
  beforeAll(async () => {
    workspace = await openWorkspace();
    await playDemo(workspace);
  });
  afterAll(() => workspace?.close());

  // The journey's last expectation for each ticket is what the sidebar must end up showing.
  const finalExpectation = (ticket: string): Expectation => {
    const all = workspace.demo.journey.steps.flatMap((s) =>
      "expect" in s && s.expect.ticket === ticket ? [s.expect] : [],
    );
    return all.at(-1)!;
  };

  for (const ticket of ["101", "102", "103"]) {
    it(`ticket ${ticket}: identity, step and missing slots match the Worker and the journey`, async () => {
      const sidebar = await openTicket(workspace, ticket);
      const context = await workspace.context(ticket);
      // The sidebar catches up with the thread on its own (ticket events, its poll).
      await expect
        .poll(() => rendered(sidebar), { timeout: 20_000, interval: 250 })
        .toMatchObject(expected(context));

      const journey = finalExpectation(ticket);
      const shown = await rendered(sidebar);
      if (journey.identity) expect(shown.level).toBe(journey.identity);
      expect(shown.levelText?.toLowerCase()).toContain(shown.level!);
      if (journey.workflow) expect(context.workflow?.id).toBe(journey.workflow);
      if (journey.step) {
        expect(context.workflow?.currentStep).toBe(journey.step);
        const index = context.workflow!.steps.findIndex((s) => s.id === journey.step);
        expect(shown.current).toBe(index);
        expect(shown.step).toBe(`Step ${index + 1} of ${context.workflow!.stepCount}`);
      }
      for (const slot of journey.missingExcludes ?? []) expect(shown.missing).not.toContain(slot);
      for (const slot of journey.missingIncludes ?? []) expect(shown.missing).toContain(slot);
    });
  }

  it("shows one thread across the three tickets, each linked", async () => {
    const ids = new Set<string>();
    for (const ticket of ["101", "102", "103"]) {
      const sidebar = await openTicket(workspace, ticket);
      ids.add((await sidebar.getByTestId("thread-id").textContent())!.trim());
      // A sidebar opened before the last contact catches up by its own poll of the event log.
      await expect
        .poll(
          async () => {
            const linked = (await sidebar.getByTestId("linked-ticket").allTextContents()).join(" ");
            return ["101", "102", "103"].filter((other) => linked.includes(other));
          },
          { timeout: 25_000, interval: 500 },
        )
        .toEqual(["101", "102", "103"]);
    }
    expect(ids.size).toBe(1);
  });

  it("the AI handed off: the handoff note is on the ticket in Zendesk and the sidebar says sent", async () => {
    const context = await workspace.context("102");
    expect(context.agent.handoff?.code).toBe("needs_person");
    const sidebar = await openTicket(workspace, "102");
    const note = workspace.page.getByTestId("internal-note").first();
    await expect.poll(() => note.textContent(), { timeout: 10_000 }).toContain(context.thread.id);
    expect(await note.textContent()).toMatch(/ctx-note:[0-9a-f]+/);
    const sent = context.notes.filter((n) => n.ticketId === "102" && n.status === "sent");
    expect(sent.length).toBeGreaterThan(0);
    await expect
      .poll(() =>
        sidebar
          .getByTestId("note-status")
          .evaluateAll((items) => items.map((i) => i.getAttribute("data-status"))),
      )
      .toContain("sent");
  });

  it("answered the general question from the Help Center, citing the article, and the sidebar links it", async () => {
    const context = await workspace.context("101");
    const cited = context.timeline.flatMap((e) => (e.cites ? [e.cites] : []));
    expect(cited).toHaveLength(1);
    const article = cited[0]!;
    expect(article.url).toMatch(/\/hc\/en-us\/articles\/\d+/);
    // The answer itself names the article and carries its link.
    expect(context.agent.replies.map((r) => r.text)).toContainEqual(
      expect.stringContaining(article.url),
    );
    expect(context.agent.replies.map((r) => r.text)).toContainEqual(
      expect.stringContaining(`"${article.title}"`),
    );

    const sidebar = await openTicket(workspace, "101");
    // The timeline is folded below what the agent acts on, and its older part behind a button:
    // opened here, as an agent would.
    await sidebar.getByTestId("timeline-fold").locator("summary").click();
    const earlier = sidebar.getByTestId("timeline-all");
    if (await earlier.isVisible()) await earlier.click();
    const link = sidebar.getByTestId("timeline-cites").getByRole("link");
    await expect.poll(() => link.getAttribute("href")).toBe(article.url);
    expect(await link.textContent()).toContain(article.title);
  });

  it("raised no errors in the page or the app", () => {
    expect(workspace.errors).toEqual([]);
  });
});
