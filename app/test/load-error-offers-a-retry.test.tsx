import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { aContext } from "./factories";
import { renderSidebar } from "./render";
import { zafDouble } from "./zaf-double";

describe("when the worker fails", () => {
  it("explains the failure and loads the thread on retry", async () => {
    let calls = 0;
    const client = zafDouble({
      worker: () => (++calls === 1 ? { status: 502 } : { status: 200, body: aContext() }),
    });
    renderSidebar({ client });

    const error = await screen.findByTestId("state-error");
    expect(error.textContent).toMatch(/had a problem/);
    // Agents are told what happened, not a status code.
    expect(error.textContent).not.toMatch(/502/);
    await userEvent.click(screen.getByRole("button", { name: "Retry" }));

    expect((await screen.findByTestId("thread-id")).textContent).toBe("THR-7K2M9QXA");
    expect(screen.queryByTestId("state-error")).toBeNull();
  });
});
