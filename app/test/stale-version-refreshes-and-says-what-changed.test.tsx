import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { aContext, aWorkflow } from "./factories";
import { renderSidebar } from "./render";
import { contextReads, zafDouble } from "./zaf-double";

describe("acting on a version that moved on", () => {
  it("re-reads the thread and lists what changed in a notification", async () => {
    let version = 7;
    const client = zafDouble({
      worker: (request) => {
        if (request.method === "POST") {
          version = 9;
          return {
            status: 409,
            body: {
              error: { code: "stale_version", message: "The thread changed" },
              version: 9,
              changes: ["The customer sent photos", "Control moved to a person"],
            },
          };
        }
        return {
          status: 200,
          body: aContext({
            version,
            control: version === 9 ? "human" : "ai",
            workflow: aWorkflow({ stepNumber: version === 9 ? 4 : 3 }),
          }),
        };
      },
    });
    renderSidebar({ client });

    await userEvent.click(await screen.findByTestId("action-continue"));

    await userEvent.click(await screen.findByTestId("confirm-continue-yes"));

    const notice = await screen.findByTestId("notice");
    expect(notice.getAttribute("data-kind")).toBe("stale");
    expect(within(notice).getByText("The thread changed while you were looking")).toBeTruthy();
    expect(
      within(notice)
        .getAllByRole("listitem")
        .map((li) => li.textContent),
    ).toEqual(["The customer sent photos", "Control moved to a person"]);
    expect((await screen.findByText("Step 4 of 5")).getAttribute("data-testid")).toBe(
      "workflow-step",
    );
    expect(contextReads(client)).toHaveLength(2);
    // Told right under the controls that were clicked, not at the top of a long sidebar.
    expect(screen.getByTestId("next-step").nextElementSibling).toBe(notice);
    expect(screen.getByTestId("control").getAttribute("data-control")).toBe("human");
  });
});
