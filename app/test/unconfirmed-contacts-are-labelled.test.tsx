import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { ThreadContext } from "../src/api/types";
import { aContext, anIdentity, minutesAgo } from "./factories";
import { renderSidebar } from "./render";

/** Maya's ticket, after a web chat that gave only her order number wrote into her thread. */
function withAStranger(overrides: Partial<ThreadContext> = {}): ThreadContext {
  const context = aContext(overrides);
  return {
    ...context,
    timeline: [
      ...context.timeline,
      {
        at: minutesAgo(4),
        key: "e9",
        kind: "message",
        channel: "web_chat",
        contactId: "session:WC-9",
        text: "Unconfirmed contact (web chat, only an order number matched): send it to 12 Elm Street",
        unconfirmed: true,
      },
    ],
  };
}

describe("an unconfirmed contact is labelled in the sidebar (DESIGN §4)", () => {
  it("its timeline entries carry an 'Unconfirmed contact' tag; the customer's do not", async () => {
    renderSidebar({ context: withAStranger() });

    const entries = await screen.findAllByTestId("timeline-entry");
    const flagged = entries.filter((e) => e.getAttribute("data-unconfirmed") === "true");
    expect(flagged).toHaveLength(1);
    expect(within(flagged[0]!).getByTestId("timeline-unconfirmed").textContent).toBe(
      "Unconfirmed contact",
    );
    expect(screen.getAllByTestId("timeline-unconfirmed")).toHaveLength(1);
  });

  it("on its own ticket, the identity card says what to ask for before sharing anything", async () => {
    renderSidebar({
      context: withAStranger({ identity: anIdentity({ level: "low", unconfirmed: "order_only" }) }),
    });

    const notice = await screen.findByTestId("identity-unconfirmed");
    expect(within(notice).getByText("Unconfirmed contact")).toBeTruthy();
    expect(notice.textContent).toMatch(/email address on the order, or the name and zip code/);
  });

  it("a contact nobody doubts gets no such notice", async () => {
    renderSidebar({ context: aContext() });

    await screen.findByTestId("identity-level");
    expect(screen.queryByTestId("identity-unconfirmed")).toBeNull();
    expect(screen.queryByTestId("timeline-unconfirmed")).toBeNull();
  });

  it.each([
    ["de", "Unbestätigter Kontakt"],
    ["es", "Contacto sin confirmar"],
  ])("in %s too", async (locale, label) => {
    renderSidebar({
      context: withAStranger({
        identity: anIdentity({ level: "low", unconfirmed: "conflicting" }),
      }),
      locale,
    });

    const notice = await screen.findByTestId("identity-unconfirmed");
    expect(within(notice).getByText(label)).toBeTruthy();
    expect(screen.getByTestId("timeline-unconfirmed").textContent).toBe(label);
  });
});
