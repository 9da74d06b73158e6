import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { aContext, aWorkflow } from "./factories";
import { renderSidebar } from "./render";

describe("workflow stepper", () => {
  it("says which step of how many, with each step's state in words", async () => {
    renderSidebar({ context: aContext() });

    expect((await screen.findByTestId("workflow-step")).textContent).toBe("Step 3 of 5");
    const steps = screen.getAllByTestId("workflow-step-item");
    expect(steps.map((s) => s.getAttribute("data-status"))).toEqual([
      "done",
      "done",
      "current",
      "pending",
      "pending",
    ]);
    expect(within(steps[2]!).getByText("current")).toBeTruthy();
    expect(steps[2]!.getAttribute("aria-current")).toBe("step");
    expect(screen.getByTestId("workflow-status").textContent).toBe("Waiting on the customer");
  });

  it("highlights what is missing by its translated name", async () => {
    renderSidebar({ context: aContext() });

    const missing = await screen.findByTestId("missing-slots");
    expect(within(missing).getByText("Still missing")).toBeTruthy();
    expect(
      within(missing)
        .getAllByTestId("missing-slot")
        .map((s) => s.textContent),
    ).toEqual(["Photos", "Invoice or receipt"]);
  });

  it("shows a denied step as denied", async () => {
    const workflow = aWorkflow({
      status: "denied",
      missing: [],
      steps: aWorkflow().steps.map((step, i) =>
        i === 3 ? { ...step, status: "denied", outcome: "Refund over the limit" } : step,
      ),
    });
    renderSidebar({ context: aContext({ workflow }) });

    const steps = await screen.findAllByTestId("workflow-step-item");
    expect(within(steps[3]!).getByText("denied")).toBeTruthy();
    expect(within(steps[3]!).getByText("Refund over the limit")).toBeTruthy();
    expect(screen.queryByTestId("missing-slots")).toBeNull();
  });

  it("says so when no workflow has started", async () => {
    renderSidebar({ context: aContext({ workflow: null }) });

    expect(
      await screen.findByText(
        "The AI agent is talking with the customer; no request recognised yet.",
      ),
    ).toBeTruthy();
    expect(screen.queryByTestId("workflow-step")).toBeNull();
  });
});
