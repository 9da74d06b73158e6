import { createRequire } from "node:module";
import type { Frame } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTicket, openWorkspace, playDemo, type Workspace } from "./harness";

const AXE = createRequire(import.meta.url).resolve("axe-core/axe.min.js");

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[] }[];
}

/** Run axe-core inside one app iframe; only serious and critical violations fail the test. */
async function seriousViolations(frame: Frame): Promise<string[]> {
  await frame.addScriptTag({ path: AXE });
  const violations = await frame.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run(context: Document, options: object): Promise<{ violations: AxeViolation[] }> };
      }
    ).axe;
    const result = await axe.run(document, { resultTypes: ["violations"] });
    return result.violations;
  });
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map(
      (v) =>
        `${v.impact} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`,
    );
}

describe("accessibility of the app (axe-core)", () => {
  let workspace: Workspace;
  beforeAll(async () => {
    workspace = await openWorkspace();
    await playDemo(workspace);
  });
  afterAll(() => workspace?.close());

  const frameOf = async (title: string) => {
    const element = await workspace.page.locator(`iframe[title="${title}"]`).elementHandle();
    return (await element!.contentFrame())!;
  };

  // 102 waits on a person (approve, deny, the reason field); 103 has a low identity and the
  // verification form: between them every control the demo shows.
  for (const ticket of ["102", "103"]) {
    it(`ticket ${ticket}'s sidebar has no serious or critical violations`, async () => {
      await openTicket(workspace, ticket);
      const frame = await frameOf(`Continuity for ticket #${ticket}`);
      expect(await frame.getByTestId("workflow-actions").count()).toBe(1);
      expect(await seriousViolations(frame)).toEqual([]);
    });
  }

  it("the summary editor, open, has no serious or critical violations", async () => {
    const sidebar = await openTicket(workspace, "102");
    await sidebar.getByTestId("summary-edit").click();
    await sidebar.getByTestId("summary-input").waitFor();
    expect(await seriousViolations(await frameOf("Continuity for ticket #102"))).toEqual([]);
  });

  it("the deny form, open, has no serious or critical violations", async () => {
    const sidebar = await openTicket(workspace, "102");
    await sidebar.getByTestId("action-deny").click();
    await sidebar.getByTestId("deny-reason").waitFor();
    expect(await seriousViolations(await frameOf("Continuity for ticket #102"))).toEqual([]);
    await sidebar.getByTestId("deny-cancel").click();
  });

  it("the nav bar page has no serious or critical violations", async () => {
    await workspace.page.getByTestId("rail-app").click();
    const frame = await frameOf("Continuity (nav bar)");
    await frame.getByTestId("navbar").waitFor();
    expect(await seriousViolations(frame)).toEqual([]);
  });
});
