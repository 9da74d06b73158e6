import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTicket, openWorkspace, playDemo, type Workspace } from "./harness";

describe("approving from the sidebar", () => {
  let workspace: Workspace;
  beforeAll(async () => {
    workspace = await openWorkspace();
    await playDemo(workspace);
  });
  afterAll(() => workspace?.close());

  it("moves the Worker's thread to the next step, and the sidebar follows", async () => {
    const sidebar = await openTicket(workspace, "102");
    const before = await workspace.context("102");
    // The demo ends with the AI agent waiting on a person to approve the replacement.
    expect(before.workflow?.currentStep).toBe("approve_replacement");
    expect(before.workflow?.status).toBe("waiting_on_human");
    expect(before.workflow?.actions).toContainEqual({ action: "approve", permitted: true });
    await expect
      .poll(() => sidebar.getByTestId("workflow-step").textContent(), { timeout: 15_000 })
      .toBe(`Step ${before.workflow!.stepNumber} of ${before.workflow!.stepCount}`);

    await sidebar.getByTestId("action-approve").click();

    await expect
      .poll(async () => (await workspace.context("102")).version, { timeout: 15_000 })
      .toBeGreaterThan(before.version);
    const after = await workspace.context("102");
    expect(after.workflow?.currentStep).not.toBe("approve_replacement");
    expect(after.workflow!.stepNumber).toBeGreaterThan(before.workflow!.stepNumber);
    const approval = after.workflow!.steps.find((s) => s.id === "approve_replacement");
    expect(approval?.status).toBe("done");
    await expect
      .poll(() => sidebar.getByTestId("workflow-step").textContent(), { timeout: 15_000 })
      .toBe(
        `Step ${Math.min(after.workflow!.stepNumber, after.workflow!.stepCount)} of ${after.workflow!.stepCount}`,
      );
    // The same thread seen from the other tickets moved too.
    expect((await workspace.context("101")).workflow?.currentStep).toBe(
      after.workflow?.currentStep,
    );
  });

  it("raised no errors in the page or the app", () => {
    expect(workspace.errors).toEqual([]);
  });
});
