import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { aContext, minutesAgo } from "./factories";
import { renderSidebar } from "./render";

describe("a candidate thread", () => {
  it("shows what it is about, its ticket and when it opened, beside its id", async () => {
    renderSidebar({
      context: aContext({
        candidates: [
          {
            threadId: "THR-OTHER001",
            reason: "open_thread",
            workflow: "order_status",
            ticketId: "161",
            openedAt: minutesAgo(60 * 24 * 3),
            lastEventAt: minutesAgo(60),
          },
        ],
      }),
    });

    const candidate = await screen.findByTestId("candidate");
    expect(within(candidate).getByTestId("candidate-glimpse").textContent).toBe(
      "Order status · #161 · opened 3 days ago",
    );
  });

  it("says nothing more when the Worker sent nothing more", async () => {
    renderSidebar({
      context: aContext({ candidates: [{ threadId: "THR-OTHER001", reason: "reopen" }] }),
    });

    await screen.findByTestId("candidate");
    expect(screen.queryByTestId("candidate-glimpse")).toBeNull();
  });
});
