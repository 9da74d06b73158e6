import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { TimelineEntry } from "../src/api/types";
import { aContext, minutesAgo } from "./factories";
import { renderSidebar } from "./render";

const ARTICLE = "https://acme.zendesk.com/hc/en-us/articles/360010000001";

describe("timeline: the Help Center article behind an AI answer", () => {
  it("links the article the AI answered from, under that answer only", async () => {
    const timeline: TimelineEntry[] = [
      {
        at: minutesAgo(12),
        key: "m1",
        kind: "message",
        text: "Customer said: How long do I have to return something?",
      },
      {
        at: minutesAgo(11),
        key: "a1",
        kind: "agent",
        text: 'AI agent, from the Help Center article "Returns and refunds": You can return…',
        cites: { title: "Returns and refunds", url: ARTICLE },
      },
      { at: minutesAgo(5), key: "a2", kind: "agent", text: "AI agent: Which order is it?" },
    ];
    renderSidebar({ context: aContext({ timeline }) });

    const section = await screen.findByTestId("timeline");
    const cited = within(section).getAllByTestId("timeline-cites");
    expect(cited).toHaveLength(1);
    expect(cited[0]!.textContent).toContain("AI answered from the Help Center article");
    const link = within(cited[0]!).getByRole("link", { name: /Returns and refunds/ });
    expect(link.getAttribute("href")).toBe(ARTICLE);
    const entries = within(section).getAllByTestId("timeline-entry");
    expect(within(entries[1]!).getByTestId("timeline-cites")).toBe(cited[0]);
  });
});
