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
          const { to } = request.body as { to: string };
          control = to === "human" ? "human" : "ai";
        }
        return { status: 200, body: aContext({ workflow: null, control }) };
      },
    });
    renderSidebar({ client });

    expect((await screen.findByTestId("control")).textContent).toBe("AI answers the customer");
    expect(screen.queryByTestId("action-hand_back")).toBeNull();
    await userEvent.click(screen.getByTestId("action-take_over"));
    // Warm comes first and has the focus: Enter takes over warm.
    expect(document.activeElement).toBe(await screen.findByTestId("transfer-warm"));
    await userEvent.keyboard("{Enter}");

    expect((await screen.findByTestId("action-hand_back")).textContent).toBe("Hand back to AI");
    expect(screen.getByTestId("control").textContent).toBe("A person answers the customer");
    await userEvent.click(screen.getByTestId("action-hand_back"));

    await screen.findByTestId("action-take_over");
    const sent = writes(client);
    expect(sent.map((r) => r.path)).toEqual([
      "/v1/threads/THR-7K2M9QXA/transfers",
      "/v1/threads/THR-7K2M9QXA/transfers",
    ]);
    expect(sent.map((r) => r.body)).toMatchObject([
      { to: "human", mode: "warm", role: "agent", name: "Ana Agent", actor: "Ana Agent" },
      { to: "ai", role: "agent" },
    ]);
  });

  it("takes over cold when the agent chooses it, and a retry is the same request", async () => {
    let fail = true;
    const client = zafDouble({
      worker: (request) => {
        if (request.method === "POST" && fail) {
          fail = false;
          return { status: 503, body: { error: { code: "unavailable", message: "down" } } };
        }
        const control = request.method === "POST" ? "human" : "ai";
        return { status: 200, body: aContext({ workflow: null, control }) };
      },
    });
    renderSidebar({ client });

    await userEvent.click(await screen.findByTestId("action-take_over"));
    await userEvent.click(await screen.findByTestId("transfer-cold"));
    await userEvent.click(await screen.findByTestId("notice-retry"));
    await screen.findByTestId("action-hand_back");

    const [first, retry] = writes(client).map((r) => r.body as { mode: string; requestId: string });
    expect(first).toMatchObject({ mode: "cold" });
    expect(retry!.requestId).toBe(first!.requestId);
  });
});
