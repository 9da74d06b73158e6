import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { aContext, aWorkflow } from "./factories";
import { renderWithClient } from "./render";
import TicketSidebar from "../src/locations/TicketSidebar";
import { writes, zafDouble, type Worker } from "./zaf-double";

const approving = aWorkflow({
  status: "waiting_on_human",
  missing: [],
  actions: [
    { action: "approve", permitted: true },
    { action: "deny", permitted: true },
    { action: "take_over", permitted: true },
  ],
});

function sidebar(worker: Worker, timeoutMs = 10_000) {
  const client = zafDouble({ worker });
  renderWithClient(client, <TicketSidebar pollMs={600_000} timeoutMs={timeoutMs} />);
  return client;
}

describe("an action that fails", () => {
  it("names the action, shows no status code, and a retry that works", async () => {
    let posts = 0;
    const client = sidebar((request) =>
      request.method === "POST"
        ? ++posts === 1
          ? { status: 503 }
          : { status: 200, body: aContext({ version: 8, workflow: aWorkflow() }) }
        : { status: 200, body: aContext({ workflow: approving }) },
    );

    await userEvent.click(await screen.findByTestId("action-approve"));
    const notice = await screen.findByTestId("notice");
    expect(within(notice).getByText("Approving did not go through")).toBeTruthy();
    expect(notice.textContent).not.toMatch(/\d{3}/);

    await userEvent.click(within(notice).getByTestId("notice-retry"));
    expect(writes(client).map((w) => (w.body as { action: string }).action)).toEqual([
      "approve",
      "approve",
    ]);
    expect(await screen.findByTestId("action-done")).toBeTruthy();
    expect(screen.queryByTestId("notice")).toBeNull();
  });

  it("gives up on a Worker that does not answer, and says so", async () => {
    sidebar(
      (request) =>
        request.method === "POST"
          ? new Promise(() => {})
          : { status: 200, body: aContext({ workflow: approving }) },
      200,
    );

    await userEvent.click(await screen.findByTestId("action-approve"));
    const notice = await screen.findByTestId("notice", {}, { timeout: 2_000 });
    expect(notice.textContent).toContain("did not answer in time");
    // The controls are usable again: the agent is not left with a frozen sidebar.
    expect(screen.getByTestId("action-approve").hasAttribute("disabled")).toBe(false);
  });
});
