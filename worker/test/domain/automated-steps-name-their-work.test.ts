import { describe, expect, it } from "vitest";
import { WORKFLOWS, type StepDefinition } from "../../src/domain/workflows";

describe("a check or inform step names the agent's work", () => {
  it("every automated step of every workflow names one", () => {
    for (const workflow of Object.values(WORKFLOWS))
      for (const step of workflow.steps)
        if (step.kind === "check" || step.kind === "inform")
          expect(step.work, `${workflow.id}/${step.id}`).toBeTruthy();
  });

  it("a check step that names none does not compile", () => {
    // @ts-expect-error: a check step without `work` would fall through to another step's test.
    const unnamed: StepDefinition = {
      id: "check_stock",
      title: "Check stock",
      kind: "check",
      executor: "ai",
      requires: [],
      minLevel: "medium",
      waitsOnCustomer: false,
      persists: [],
    };
    expect(unnamed.kind).toBe("check");
  });
});
