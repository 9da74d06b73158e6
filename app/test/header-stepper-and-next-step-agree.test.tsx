import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { Workflow } from "../src/api/types";
import { aContext, aWorkflow } from "./factories";
import { renderSidebar } from "./render";

const WHO: Record<string, RegExp> = {
  "Waiting on a person": /^Waiting on a person/,
  "Waiting on the customer": /^Waiting on the customer/,
  "AI agent working": /^The AI agent is on it/,
  Done: /^Done/,
  Denied: /^Denied/,
};

describe("the header, the stepper and the next step read one state", () => {
  const statuses: Workflow["status"][] = [
    "waiting_on_customer",
    "waiting_on_agent",
    "waiting_on_human",
    "done",
    "denied",
  ];
  for (const status of statuses)
    for (const control of ["ai", "human"] as const)
      it(`${status}, ${control} in control`, async () => {
        renderSidebar({
          context: aContext({ control, workflow: aWorkflow({ status, missing: [] }) }),
        });
        const tag = (await screen.findByTestId("workflow-status")).textContent!;
        const standing = screen.getByTestId("standing").textContent!;
        expect(standing).toMatch(WHO[tag]!);
        // Who answers the customer is told apart from whom the workflow waits on.
        expect(screen.getByTestId("control").textContent).toBe(
          control === "ai" ? "AI answers the customer" : "A person answers the customer",
        );
      });
});
