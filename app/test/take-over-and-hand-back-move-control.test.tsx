import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { aContext } from "./factories";
import { renderSidebar } from "./render";
import { writes, zafDouble } from "./zaf-double";

describe("control between the AI agent and a person", () => {
  it("offers take over while the AI has the thread, then hand back once a person has it", async () => {
    let control: "ai" | "human" = "ai";
    const client = zafDouble({
      worker: (request) => {
        if (request.method === "POST") {
          const { action } = request.body as { action: string };
          control = action === "take_over" ? "human" : "ai";
        }
        return { status: 200, body: aContext({ workflow: null, control }) };
      },
    });
    renderSidebar({ client });

    expect((await screen.findByTestId("control")).textContent).toBe("AI answers the customer");
    expect(screen.queryByTestId("action-hand_back")).toBeNull();
    await userEvent.click(screen.getByTestId("action-take_over"));

    expect((await screen.findByTestId("action-hand_back")).textContent).toBe("Hand back to AI");
    expect(screen.getByTestId("control").textContent).toBe("A person answers the customer");
    await userEvent.click(screen.getByTestId("action-hand_back"));

    await screen.findByTestId("action-take_over");
    expect(writes(client).map((r) => (r.body as { action: string }).action)).toEqual([
      "take_over",
      "hand_back",
    ]);
  });
});
