import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { aContext, anIdentity, minutesAgo, minutesAhead } from "./factories";
import { renderSidebar } from "./render";

describe("verification", () => {
  it("shows the method, when it passed and when it expires", async () => {
    const identity = anIdentity({
      level: "high",
      verification: {
        method: "otp",
        passedAt: minutesAgo(20),
        expiresAt: minutesAhead(40),
        expired: false,
      },
    });
    renderSidebar({ context: aContext({ identity }) });

    const block = await screen.findByTestId("verification");
    expect(within(block).getByText("Verified: one-time code")).toBeTruthy();
    expect(block.textContent).toMatch(/passed 20 min\. ago/);
    expect(block.textContent).toMatch(/expires in 40 min\./);
    expect(within(block).queryByTestId("verification-expired")).toBeNull();
  });

  it("marks an expired verification in words, not only in colour", async () => {
    const identity = anIdentity({
      verification: {
        method: "callback_on_file",
        passedAt: minutesAgo(26 * 60),
        expiresAt: minutesAgo(120),
        expired: true,
      },
    });
    renderSidebar({ context: aContext({ identity }) });

    const block = await screen.findByTestId("verification");
    expect(within(block).getByTestId("verification-expired").textContent).toBe("Expired");
    expect(block.textContent).toMatch(/expired 2 hr\. ago/);
    expect(block.textContent).toMatch(/Called back on the number on file/);
  });

  it("says so when nobody has verified the customer", async () => {
    renderSidebar({ context: aContext() });

    const block = await screen.findByTestId("verification");
    expect(within(block).getByText("Not verified.")).toBeTruthy();
  });
});
