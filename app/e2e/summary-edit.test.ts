import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTicket, openWorkspace, playDemo, type Workspace } from "./harness";

describe("correcting the handoff summary", () => {
  let workspace: Workspace;
  beforeAll(async () => {
    workspace = await openWorkspace();
    await playDemo(workspace);
  });
  afterAll(() => workspace?.close());

  it("stores the agent's text as an edit, kept beside what Continuity generated", async () => {
    const sidebar = await openTicket(workspace, "102");
    const before = await workspace.context("102");
    expect(before.summary.source).toBe("generated");
    await expect
      .poll(() => sidebar.getByTestId("summary-source").getAttribute("data-source"))
      .toBe("generated");

    const corrected =
      "Maya Ortiz: vase from order #18422 arrived cracked; photos on file. Approve the replacement, ship to the address on file.";
    await sidebar.getByTestId("summary-edit").click();
    await sidebar.getByTestId("summary-input").fill(corrected);
    await sidebar.getByTestId("summary-save").click();

    await expect
      .poll(async () => (await workspace.context("102")).summary.source, { timeout: 15_000 })
      .toBe("edited");
    const after = await workspace.context("102");
    expect(after.summary.text).toBe(corrected);
    expect(after.summary.generated).toBe(before.summary.generated);
    expect(after.version).toBeGreaterThan(before.version);
    await expect
      .poll(() => sidebar.getByTestId("summary-text").textContent(), { timeout: 15_000 })
      .toBe(corrected);
    expect(await sidebar.getByTestId("summary-source").getAttribute("data-source")).toBe("edited");
    // Every ticket on the thread reads the corrected summary.
    expect((await workspace.context("103")).summary.text).toBe(corrected);
  });

  it("raised no errors in the page or the app", () => {
    expect(workspace.errors).toEqual([]);
  });
});
