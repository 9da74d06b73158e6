import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { aContext, minutesAgo } from "./factories";
import { renderSidebar } from "./render";
import { writes, zafDouble } from "./zaf-double";

const withFailedNote = aContext({
  notes: [
    {
      id: "note:0a1b2c3d4e5f",
      ticketId: "101",
      status: "superseded",
      attempts: 1,
      lastError: null,
      createdAt: minutesAgo(90),
      sentAt: minutesAgo(89),
    },
    {
      id: "note:9f8e7d6c5b4a",
      ticketId: "102",
      status: "failed",
      attempts: 5,
      lastError: "Zendesk answered 503",
      createdAt: minutesAgo(30),
      sentAt: null,
    },
  ],
});

describe("handoff note status", () => {
  it("shows each note's status, and the error of a failed one", async () => {
    renderSidebar({ context: withFailedNote });

    const notes = await screen.findAllByTestId("note-status");
    expect(notes.map((n) => n.getAttribute("data-status"))).toEqual(["superseded", "failed"]);
    expect(within(notes[0]!).getByText("Replaced by a newer note")).toBeTruthy();
    expect(within(notes[1]!).getByTestId("note-error").textContent).toBe(
      "Failed after 5 attempts. Zendesk answered 503",
    );
  });

  it("retries a failed note by its id and shows it pending on 202", async () => {
    const client = zafDouble({
      worker: (request) =>
        request.method === "POST"
          ? { status: 202, body: { retrying: true } }
          : { status: 200, body: withFailedNote },
    });
    renderSidebar({ client });

    const notes = await screen.findAllByTestId("note-status");
    await userEvent.click(
      within(notes[1]!).getByRole("button", { name: "Retry the note on ticket #102" }),
    );

    expect(writes(client)).toEqual([
      expect.objectContaining({
        method: "POST",
        path: "/v1/threads/THR-7K2M9QXA/notes/note:9f8e7d6c5b4a/retry",
      }),
    ]);
    await waitFor(() =>
      expect(screen.getAllByTestId("note-status")[1]!.getAttribute("data-status")).toBe("pending"),
    );
    const after = screen.getAllByTestId("note-status");
    expect(within(after[1]!).getByText("Sending")).toBeTruthy();
    expect(within(after[1]!).queryByTestId("note-retry")).toBeNull();
  });

  it("says so when no note has been posted", async () => {
    renderSidebar({ context: aContext({ notes: [] }) });

    expect(await screen.findByText("No handoff note has been posted yet.")).toBeTruthy();
  });
});
