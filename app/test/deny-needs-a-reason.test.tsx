import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { aContext, aWorkflow } from "./factories";
import { renderSidebar } from "./render";
import { writes, zafDouble } from "./zaf-double";

const deciding = aWorkflow({
  status: "waiting_on_human",
  actions: [
    { action: "approve", permitted: true },
    { action: "deny", permitted: true },
  ],
});

describe("denying", () => {
  it("asks for a reason first and sends it with the deny", async () => {
    const after = aContext({
      version: 8,
      workflow: aWorkflow({ status: "waiting_on_customer", actions: [] }),
    });
    const client = zafDouble({
      worker: (request) =>
        request.method === "POST"
          ? { status: 200, body: after }
          : { status: 200, body: aContext({ version: 7, workflow: deciding }) },
    });
    renderSidebar({ client });

    const deny = await screen.findByTestId("action-deny");
    await userEvent.click(deny);
    expect(writes(client)).toEqual([]);
    expect(deny.getAttribute("aria-expanded")).toBe("true");

    const field = screen.getByRole("textbox", { name: "Why are you denying this?" });
    expect(document.activeElement).toBe(field);
    const confirm = screen.getByTestId("deny-confirm") as HTMLButtonElement;
    expect(confirm.disabled).toBe(true);
    await userEvent.type(field, "   ");
    expect(confirm.disabled).toBe(true);

    await userEvent.type(field, "Order over the limit ");
    expect(confirm.disabled).toBe(false);
    await userEvent.click(confirm);

    expect(writes(client).map((r) => r.body)).toEqual([
      expect.objectContaining({
        action: "deny",
        reason: "Order over the limit",
        expectedVersion: 7,
      }),
    ]);
    // The returned context replaces the decision: the sidebar shows where the thread is now.
    await waitFor(() => expect(screen.queryByTestId("deny-form")).toBeNull());
    expect(screen.queryByTestId("action-deny")).toBeNull();
  });

  it("cancel closes the form, sends nothing and puts focus back on Deny", async () => {
    const client = zafDouble({
      worker: () => ({ status: 200, body: aContext({ workflow: deciding }) }),
    });
    renderSidebar({ client });

    const deny = await screen.findByTestId("action-deny");
    await userEvent.click(deny);
    await userEvent.type(screen.getByTestId("deny-reason"), "Changed my mind");
    await userEvent.click(screen.getByTestId("deny-cancel"));

    expect(screen.queryByTestId("deny-form")).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId("action-deny")));
    expect(writes(client)).toEqual([]);
  });
});
