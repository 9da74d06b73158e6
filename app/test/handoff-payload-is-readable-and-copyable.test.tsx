import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { aContext } from "./factories";
import { renderSidebar } from "./render";

describe("handoff payload", () => {
  it("reads as labelled facts, with what is missing in words", async () => {
    renderSidebar({ context: aContext() });

    const section = await screen.findByTestId("handoff");
    const facts = Object.fromEntries(
      within(section)
        .getAllByRole("term")
        .map((term) => [term.textContent, term.nextElementSibling?.textContent]),
    );
    expect(facts).toMatchObject({
      Issue: "The kettle arrived cracked; the customer wants a refund.",
      "Next best action": "Ask for photos of the damage and the invoice.",
      Category: "Refund",
      Missing: "Photos and Invoice or receipt",
      Sentiment: "Frustrated",
      "Language and channel": "English · Email",
      Consent: "Recording: not asked · Data use: not asked",
    });
    expect(within(section).getByRole("link", { name: /photo/ }).getAttribute("href")).toBe(
      "https://files.example.com/kettle.jpg",
    );
  });

  it("copies the payload as JSON to the clipboard", async () => {
    const user = userEvent.setup();
    const context = aContext();
    renderSidebar({ context });

    await user.click(await screen.findByTestId("handoff-copy"));

    expect(JSON.parse(await navigator.clipboard.readText())).toEqual(context.handoff);
    expect(screen.getByTestId("handoff-copied").textContent).toBe("Copied the payload as JSON.");
  });

  it("falls back to a selection copy where the Clipboard API is missing", async () => {
    const clipboard = Object.getOwnPropertyDescriptor(navigator, "clipboard");
    Object.defineProperty(navigator, "clipboard", { value: undefined, configurable: true });
    let copied = "";
    document.execCommand = ((command: string) => {
      const selection = document.querySelector<HTMLTextAreaElement>("textarea[readonly]");
      copied = command === "copy" ? (selection?.value ?? "") : "";
      return true;
    }) as typeof document.execCommand;
    try {
      const context = aContext();
      renderSidebar({ context });
      await userEvent.click(await screen.findByTestId("handoff-copy"));
      expect(JSON.parse(copied)).toEqual(context.handoff);
    } finally {
      if (clipboard) Object.defineProperty(navigator, "clipboard", clipboard);
    }
  });
});
