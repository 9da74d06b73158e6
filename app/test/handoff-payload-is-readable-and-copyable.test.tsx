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

  it("copies a short readable handoff, not the JSON", async () => {
    const user = userEvent.setup();
    const context = aContext();
    renderSidebar({ context });

    await user.click(await screen.findByTestId("handoff-copy"));

    const copied = await navigator.clipboard.readText();
    const lines = copied.split("\n");
    expect(lines[0]).toBe("Next best action: Ask for photos of the damage and the invoice.");
    expect(copied).toContain("Missing: Photos and Invoice or receipt");
    expect(copied).toContain(context.thread.id);
    expect(lines.length).toBeLessThanOrEqual(8);
    expect(copied).not.toContain("{");
    expect(screen.getByTestId("handoff-copied").textContent).toBe("Copied.");
  });

  it("keeps the JSON behind Show JSON, with its own copy", async () => {
    const user = userEvent.setup();
    const context = aContext();
    renderSidebar({ context });

    expect(screen.queryByTestId("handoff-json")).toBeNull();
    await user.click(await screen.findByRole("button", { name: "Show JSON" }));
    await user.click(screen.getByTestId("handoff-copy-json"));

    expect(JSON.parse(await navigator.clipboard.readText())).toEqual(context.handoff);
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
      await userEvent.click(await screen.findByRole("button", { name: "Show JSON" }));
      await userEvent.click(screen.getByTestId("handoff-copy-json"));
      expect(JSON.parse(copied)).toEqual(context.handoff);
    } finally {
      if (clipboard) Object.defineProperty(navigator, "clipboard", clipboard);
    }
  });
});
