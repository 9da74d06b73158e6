import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import type { TimelineEntry } from "../src/api/types";
import { aContext, minutesAgo } from "./factories";
import { renderSidebar } from "./render";

describe("timeline", () => {
  it("runs oldest to newest and labels channel switches and promises", async () => {
    renderSidebar({ context: aContext() });

    const timeline = await screen.findByTestId("timeline");
    const entries = within(timeline).getAllByTestId("timeline-entry");
    expect(entries.map((e) => e.getAttribute("data-kind"))).toEqual([
      "contact",
      "channel_switch",
      "agent",
    ]);
    expect(within(entries[1]!).getByText("Channel switch")).toBeTruthy();
    expect(within(entries[2]!).getByText("AI agent")).toBeTruthy();
    expect(entries[2]!.textContent).toMatch(/10 min\. ago/);
    expect(within(entries[0]!).queryByText("Contact")).toBeNull();
  });

  it("shows the recent part first and the rest on request", async () => {
    const timeline: TimelineEntry[] = Array.from({ length: 11 }, (_, i) => ({
      at: minutesAgo(60 - i),
      key: `m${i}`,
      kind: "message",
      text: `Message ${i}`,
    }));
    renderSidebar({ context: aContext({ timeline }) });

    const section = await screen.findByTestId("timeline");
    expect(within(section).getAllByTestId("timeline-entry")).toHaveLength(8);
    expect(within(section).getAllByTestId("timeline-entry").at(-1)!.textContent).toContain(
      "Message 10",
    );
    await userEvent.click(within(section).getByRole("button", { name: "Show 3 earlier events" }));
    expect(within(section).getAllByTestId("timeline-entry")).toHaveLength(11);
  });

  it("says so when nothing has happened yet", async () => {
    renderSidebar({ context: aContext({ timeline: [] }) });

    const section = await screen.findByTestId("timeline");
    expect(within(section).getByText("Nothing has happened on this thread yet.")).toBeTruthy();
  });
});
