import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { aContext, aLinkedThread } from "./factories";
import { renderSidebar } from "./render";
import { writes, zafDouble } from "./zaf-double";

describe("threads already linked", () => {
  it("are listed with who linked them, each with an unlink action", async () => {
    const linked = aContext({ linkedThreads: [aLinkedThread({ threadId: "THR-EARLIER1" })] });
    const client = zafDouble({
      worker: (request) => ({
        status: 200,
        body: request.method === "POST" ? aContext({ version: 8, linkedThreads: [] }) : linked,
      }),
    });
    renderSidebar({ client });

    const row = await screen.findByTestId("linked-thread");
    expect(row.textContent).toContain("THR-EARLIER1");
    expect(row.textContent).toContain("linked by Ana 30 min. ago");
    await userEvent.click(screen.getByRole("button", { name: "Unlink THR-EARLIER1" }));

    expect(writes(client).map((r) => r.body)).toEqual([
      expect.objectContaining({ action: "unlink_thread", otherThreadId: "THR-EARLIER1" }),
    ]);
  });

  it("leave the section out when there is nothing to decide or undo", async () => {
    renderSidebar({ context: aContext() });

    await screen.findByTestId("thread-id");
    expect(screen.queryByTestId("candidates")).toBeNull();
  });
});
