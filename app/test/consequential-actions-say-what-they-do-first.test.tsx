import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { aContext, aWorkflow } from "./factories";
import { renderSidebar } from "./render";
import { writes, zafDouble } from "./zaf-double";

/** A replacement waiting on a person to ship it. */
function shipping() {
  return aWorkflow({
    id: "replacement",
    status: "waiting_on_human",
    currentStep: "ship_replacement",
    missing: [],
    steps: [
      ...aWorkflow()
        .steps.slice(0, 4)
        .map((s) => ({ ...s, status: "done" as const })),
      {
        ...aWorkflow().steps[4]!,
        id: "ship_replacement",
        title: "Ship the replacement",
        kind: "human",
        executor: "human",
        status: "current",
      },
    ],
    actions: [
      { action: "continue", permitted: true },
      { action: "request_verification", permitted: true },
      { action: "take_over", permitted: true },
    ],
  });
}

describe("consequential actions say what they do before they do it", () => {
  it("a person's step is labelled by its effect and asks before marking it done", async () => {
    const client = zafDouble({
      worker: () => ({ status: 200, body: aContext({ workflow: shipping() }) }),
    });
    renderSidebar({ client });

    const button = await screen.findByTestId("action-continue");
    expect(button.textContent).toBe("Mark shipped");
    await userEvent.click(button);
    expect(writes(client)).toHaveLength(0);
    expect(screen.getByTestId("confirm-continue").textContent).toContain("Mark shipped?");
    expect(document.activeElement).toBe(screen.getByTestId("confirm-continue-yes"));

    await userEvent.click(screen.getByRole("button", { name: "Cancel" }));
    expect(writes(client)).toHaveLength(0);
    await new Promise((r) => setTimeout(r, 0));
    expect(document.activeElement).toBe(screen.getByTestId("action-continue"));

    await userEvent.click(screen.getByTestId("action-continue"));
    await userEvent.click(screen.getByTestId("confirm-continue-yes"));
    expect(writes(client).map((w) => (w.body as { action: string }).action)).toEqual(["continue"]);
  });

  it("Ask to verify says where the code goes before sending it", async () => {
    const client = zafDouble({
      worker: () => ({ status: 200, body: aContext({ workflow: shipping() }) }),
    });
    renderSidebar({ client });

    await userEvent.click(await screen.findByTestId("action-request_verification"));
    expect(writes(client)).toHaveLength(0);
    expect(screen.getByTestId("confirm-request_verification").textContent).toContain(
      "as a public reply on ticket #101 (Email, m***@example.com)",
    );
    await userEvent.click(screen.getByTestId("confirm-request_verification-yes"));
    expect(writes(client).map((w) => (w.body as { action: string }).action)).toEqual([
      "request_verification",
    ]);
  });

  it("a code in flight shows as the thing the thread waits for", async () => {
    const context = aContext({
      verification: {
        pending: {
          contactId: "CON-1",
          channel: "email",
          expiresAt: new Date(Date.now() + 9 * 60_000).toISOString(),
          attemptsLeft: 3,
        },
        failures: 0,
      },
    });
    renderSidebar({ context });

    expect((await screen.findByTestId("standing")).textContent).toBe(
      "Waiting on the customer to send back the one-time code.",
    );
  });
});
