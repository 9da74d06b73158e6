import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { aContext, anIdentity, aSummary, aWorkflow } from "./factories";
import { renderSidebar } from "./render";
import { zafDouble } from "./zaf-double";

const order = (testIds: string[]) => {
  const all = [...document.querySelectorAll("[data-testid]")].map((e) =>
    e.getAttribute("data-testid"),
  );
  return testIds.map((id) => all.indexOf(id));
};

describe("the first screen", () => {
  it("names the customer with a masked contact and the level in one line", async () => {
    const client = zafDouble({
      worker: () => ({ status: 200, body: aContext() }),
      requester: { id: 55, name: "Dana Reyes" },
    });
    renderSidebar({ client });

    const line = await screen.findByTestId("customer-line");
    expect(within(line).getByTestId("customer-name").textContent).toBe("Dana Reyes");
    expect(line.textContent).toContain("m***@example.com");
    expect(within(line).getByTestId("customer-level").textContent).toBe("medium identity");
  });

  for (const [what, requester] of [
    ["no requester", null],
    ["a caller named after their number", { id: 56, name: "Caller +1 415 555 0100" }],
    ["a sender named after their address", { id: 57, name: "maya.ortiz@example.com" }],
  ] as const)
    it(`says the name is not known for ${what}, and shows no raw contact`, async () => {
      const client = zafDouble({ worker: () => ({ status: 200, body: aContext() }), requester });
      renderSidebar({ client });

      const line = await screen.findByTestId("customer-line");
      expect(within(line).getByTestId("customer-name").textContent).toBe("Name not known");
      expect(line.textContent).not.toMatch(/555 0100|maya\.ortiz/);
    });

  it("puts who, the next step with what is missing, and the summary before the detail", async () => {
    renderSidebar({ context: aContext() });

    await screen.findByTestId("next-step");
    const [who, next, missing, summary, workflow, timeline, handoff] = order([
      "customer-line",
      "next-step",
      "missing-slots",
      "summary-text",
      "workflow",
      "timeline",
      "handoff",
    ]);
    expect(who).toBeGreaterThanOrEqual(0);
    expect([who, next, missing, summary, workflow, timeline, handoff]).toEqual(
      [who, next, missing, summary, workflow, timeline, handoff].slice().sort((a, b) => a! - b!),
    );
    expect(within(screen.getByTestId("next-step")).getByTestId("missing-slots")).toBeTruthy();
    expect(screen.getByTestId("standing").textContent).toBe(
      "Waiting on the customer for what is still missing.",
    );
  });

  it("folds the history, tickets, notes and payload under their headings", async () => {
    renderSidebar({ context: aContext() });

    for (const id of ["timeline", "handoff"]) {
      const fold = (await screen.findByTestId(`${id}-fold`)) as HTMLDetailsElement;
      expect(fold.tagName).toBe("DETAILS");
      expect(fold.open).toBe(false);
    }
  });

  it("shows three sentences of a long summary, and the rest on request", async () => {
    const text =
      "The kettle arrived cracked. The customer sent two photos. They want a refund. They paid by card. They asked twice.";
    renderSidebar({ context: aContext({ summary: aSummary({ text }) }) });

    const shown = await screen.findByTestId("summary-text");
    expect(shown.textContent).toBe(
      "The kettle arrived cracked. The customer sent two photos. They want a refund.",
    );
    await userEvent.click(screen.getByTestId("summary-more"));
    expect(screen.getByTestId("summary-text").textContent).toBe(text);
  });

  it("tells a caller on a weaker channel what they lack, beside where the thread stands", async () => {
    const workflow = aWorkflow({
      status: "waiting_on_human",
      currentStep: "approve",
      missing: [],
      contactNeeds: "medium",
      steps: aWorkflow().steps.map((s) => ({
        ...s,
        status: s.id === "approve" ? "current" : s.id === "inform" ? "pending" : "done",
      })),
      actions: [
        { action: "approve", permitted: false, reasonCode: "identity_level", needs: "medium" },
        { action: "deny", permitted: true },
        { action: "take_over", permitted: true },
      ],
    });
    renderSidebar({ context: aContext({ workflow, identity: anIdentity({ level: "low" }) }) });

    expect((await screen.findByTestId("standing")).textContent).toBe(
      "Waiting on a person to decide: Approve the refund",
    );
    expect(screen.getByTestId("contact-needs").textContent).toBe(
      "This contact needs medium identity for this step; they are at low.",
    );
    expect(screen.getByTestId("workflow-status").textContent).toBe("Waiting on a person");
  });
});
