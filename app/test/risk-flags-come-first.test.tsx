import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { aContext, minutesAgo } from "./factories";
import { renderSidebar } from "./render";

describe("risk flags", () => {
  it("stand above the identity card, each named and explained", async () => {
    renderSidebar({
      context: aContext({
        riskFlags: ["suspected_takeover"],
        risks: [
          {
            flag: "suspected_takeover",
            reason: "The customer says someone else changed the password.",
            at: minutesAgo(3),
          },
        ],
      }),
    });

    const risks = await screen.findByTestId("risk-flags");
    expect(within(risks).getByText("1 risk flag")).toBeTruthy();
    expect(within(risks).getByText("Suspected account takeover")).toBeTruthy();
    expect(
      within(risks).getByText("The customer says someone else changed the password."),
    ).toBeTruthy();
    const identity = screen.getByTestId("identity-level");
    expect(risks.compareDocumentPosition(identity) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it("are absent when there are none", async () => {
    renderSidebar({ context: aContext() });

    await screen.findByTestId("thread-id");
    expect(screen.queryByTestId("risk-flags")).toBeNull();
  });
});
