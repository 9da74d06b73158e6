import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { aContext, aWorkflow } from "./factories";
import { renderSidebar } from "./render";

describe("actions the identity level does not permit", () => {
  it("are disabled and say why in visible text tied to the button", async () => {
    const workflow = aWorkflow({
      actions: [
        {
          action: "approve",
          permitted: false,
          reason: "Needs high identity; the customer is at medium.",
        },
        { action: "deny", permitted: true },
        { action: "take_over", permitted: true },
      ],
    });
    renderSidebar({ context: aContext({ workflow }) });

    const approve = (await screen.findByTestId("action-approve")) as HTMLButtonElement;
    expect(approve.disabled).toBe(true);
    const reasonId = approve.getAttribute("aria-describedby");
    expect(reasonId).toBeTruthy();
    const reason = document.getElementById(reasonId!);
    expect(reason?.textContent).toBe("Needs high identity; the customer is at medium.");
    expect(reason?.getAttribute("hidden")).toBeNull();

    const deny = screen.getByTestId("action-deny") as HTMLButtonElement;
    expect(deny.disabled).toBe(false);
    expect(deny.getAttribute("aria-describedby")).toBeNull();
  });
});
