import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { aContext } from "./factories";
import { renderSidebar } from "./render";
import { zafDouble } from "./zaf-double";

describe("an action the worker refuses", () => {
  it("shows the reason from error.message and keeps the thread on screen", async () => {
    const client = zafDouble({
      worker: (request) =>
        request.method === "POST"
          ? {
              status: 422,
              body: {
                error: {
                  code: "not_permitted",
                  message: "Needs high identity; the customer is at medium.",
                },
              },
            }
          : { status: 200, body: aContext() },
    });
    renderSidebar({ client });

    await userEvent.click(await screen.findByTestId("action-continue"));

    await userEvent.click(await screen.findByTestId("confirm-continue-yes"));

    const notice = await screen.findByTestId("notice");
    expect(notice.getAttribute("data-kind")).toBe("rejected");
    expect(
      within(notice).getByText("Needs high identity; the customer is at medium."),
    ).toBeTruthy();
    expect(screen.getByTestId("thread-id").textContent).toBe("THR-7K2M9QXA");

    await userEvent.click(within(notice).getByRole("button", { name: "Dismiss" }));
    expect(screen.queryByTestId("notice")).toBeNull();
  });

  it("says the worker could not be reached when the request fails outright", async () => {
    const client = zafDouble({
      worker: (request) =>
        request.method === "POST" ? { status: 0 } : { status: 200, body: aContext() },
    });
    renderSidebar({ client });

    await userEvent.click(await screen.findByTestId("action-continue"));

    await userEvent.click(await screen.findByTestId("confirm-continue-yes"));

    const notice = await screen.findByTestId("notice");
    expect(notice.getAttribute("data-kind")).toBe("failed");
    expect(notice.textContent).toMatch(/could not be reached/);
  });
});
