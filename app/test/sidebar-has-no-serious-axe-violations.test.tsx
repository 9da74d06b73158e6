import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import axe from "axe-core";
import { describe, expect, it } from "vitest";
import { aContext, aLinkedThread, anIdentity, aWorkflow, minutesAgo } from "./factories";
import { renderSidebar } from "./render";

/**
 * Every section at once: risks, a conflict on an unconfirmed contact, candidates, a failed note,
 * a blocked action.
 */
const busy = aContext({
  identity: anIdentity({
    level: "low",
    customerId: null,
    unconfirmed: "conflicting",
    conflict: {
      reason: "shared_identifier",
      signals: [{ kind: "phone", masked: "+1 *** 12", owners: ["CUS-1", "CUS-2"] }],
    },
    candidates: ["CUS-1", "CUS-2"],
  }),
  risks: [
    { flag: "identity_conflict", reason: "Two customers share the phone.", at: minutesAgo(2) },
  ],
  riskFlags: ["identity_conflict"],
  candidates: [{ threadId: "THR-OTHER001", reason: "same_order", orderIds: ["4512"] }],
  linkedThreads: [aLinkedThread()],
  workflow: aWorkflow({
    actions: [
      { action: "approve", permitted: false, reason: "Needs high identity." },
      { action: "deny", permitted: true },
      { action: "take_over", permitted: true },
    ],
  }),
  notes: [
    {
      id: "note:9f8e7d6c5b4a",
      ticketId: "102",
      status: "failed",
      attempts: 3,
      lastError: "Zendesk answered 503",
      createdAt: minutesAgo(30),
      sentAt: null,
    },
  ],
});
const busyThread = {
  ...busy,
  timeline: [
    ...busy.timeline,
    {
      at: minutesAgo(3),
      key: "e9",
      kind: "message" as const,
      channel: "web_chat" as const,
      contactId: "session:WC-9",
      text: "Unconfirmed contact (web chat, its details point at someone else): it's me",
      unconfirmed: true as const,
    },
  ],
};

/** Serious and critical violations; jsdom has no layout, so contrast is left to the Chromium run. */
async function seriousViolations() {
  const results = await axe.run(document.body, {
    rules: { "color-contrast": { enabled: false } },
  });
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

describe("accessibility", () => {
  it("leaves no serious or critical axe violations in the full sidebar", async () => {
    renderSidebar({ context: busyThread });
    await screen.findByTestId("thread-id");
    expect(await seriousViolations()).toEqual([]);
  });

  it("leaves none with the deny form open", async () => {
    renderSidebar({ context: busyThread });
    await userEvent.click(await screen.findByTestId("action-deny"));
    await screen.findByTestId("deny-reason");
    expect(await seriousViolations()).toEqual([]);
  });
});
