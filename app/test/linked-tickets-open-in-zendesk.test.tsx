import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { aContext } from "./factories";
import { renderSidebar } from "./render";

describe("linked tickets and channels", () => {
  it("marks the ticket in front of the agent and opens the others inside Zendesk", async () => {
    const { client } = renderSidebar({ context: aContext() });

    const tickets = await screen.findAllByTestId("linked-ticket");
    expect(tickets.map((t) => t.getAttribute("data-ticket-id"))).toEqual(["101", "102"]);
    expect(tickets[0]!.getAttribute("aria-current")).toBe("page");
    expect(within(tickets[0]!).getByText("This ticket")).toBeTruthy();
    expect(within(tickets[0]!).queryByRole("button")).toBeNull();

    expect(within(tickets[1]!).getByText("Solved")).toBeTruthy();
    expect(within(tickets[1]!).getByTestId("ticket-satisfaction").textContent).toBe("Rated bad");
    await userEvent.click(within(tickets[1]!).getByRole("button", { name: "Open ticket #102" }));
    expect(client.invocations).toContainEqual({ name: "routeTo", args: ["ticket", "102"] });
  });

  it("lists sessions and every channel used", async () => {
    renderSidebar({ context: aContext() });

    const session = await screen.findByTestId("linked-session");
    expect(session.textContent).toContain("WC-9931");
    expect(screen.getByTestId("channels").textContent).toBe(
      "Channels used: Web chat, Email, and WhatsApp",
    );
  });
});
