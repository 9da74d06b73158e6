import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { renderSidebar } from "./render";
import { notFound, zafDouble } from "./zaf-double";

describe("a ticket on no thread", () => {
  it("reads as a first contact rather than an error", async () => {
    const client = zafDouble({ worker: () => ({ status: 404, body: notFound() }) });
    renderSidebar({ client });

    const state = await screen.findByTestId("state-no_thread");
    expect(screen.getByRole("heading", { name: "First contact" })).toBeTruthy();
    expect(state.textContent).toMatch(/not part of a thread yet/);
    expect(screen.queryByTestId("state-error")).toBeNull();
  });

  it("waits for a new ticket to be submitted before asking the worker", async () => {
    const client = zafDouble({ ticketId: null });
    renderSidebar({ client });

    expect(await screen.findByTestId("state-new_ticket")).toBeTruthy();
    expect(client.requests).toHaveLength(0);
  });

  it("asks for the app settings when no Worker URL is configured", async () => {
    const client = zafDouble({ workerUrl: null });
    renderSidebar({ client });

    expect((await screen.findByTestId("state-unconfigured")).textContent).toMatch(/Worker URL/);
    expect(client.requests).toHaveLength(0);
  });
});
