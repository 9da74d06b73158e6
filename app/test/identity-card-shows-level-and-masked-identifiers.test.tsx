import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { aContext, anIdentity } from "./factories";
import { renderSidebar } from "./render";

describe("identity card", () => {
  it("shows how sure we are in a level badge with a plain explanation", async () => {
    renderSidebar({ context: aContext({ identity: anIdentity({ level: "medium" }) }) });

    const badge = await screen.findByTestId("identity-level");
    expect(badge.textContent).toBe("medium");
    expect(badge.getAttribute("data-level")).toBe("medium");
    expect(screen.getByText(/nobody has proven it/)).toBeTruthy();
  });

  it("lists identifiers only as the worker masked them", async () => {
    renderSidebar({ context: aContext() });

    const identifiers = await screen.findAllByTestId("identifier");
    expect(identifiers.map((node) => node.textContent)).toEqual(["m***@example.com", "#***4512"]);
    expect(document.body.textContent).not.toMatch(/[a-z]+@example\.com/);
  });

  it("says when the contact is not matched to any customer", async () => {
    renderSidebar({
      context: aContext({ identity: anIdentity({ level: "unknown", customerId: null }) }),
    });

    const card = (await screen.findByRole("heading", { name: "Who is this" })).closest("section")!;
    expect(within(card).getByText("Not matched to a customer")).toBeTruthy();
    expect(within(card).getByTestId("identity-level").textContent).toBe("unknown");
  });
});
