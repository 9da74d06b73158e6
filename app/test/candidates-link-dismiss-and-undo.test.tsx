import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import type { ThreadContext } from "../src/api/types";
import { aContext, aLinkedThread } from "./factories";
import { renderSidebar } from "./render";
import { writes, zafDouble, type SeenRequest } from "./zaf-double";

/** A worker that keeps the links and dismissals the actions make. */
function threadWithCandidate() {
  let context: ThreadContext = aContext({
    candidates: [{ threadId: "THR-OTHER001", reason: "same_order", orderIds: ["4512", "4513"] }],
  });
  return (request: SeenRequest) => {
    if (request.method === "POST") {
      const { action, otherThreadId } = request.body as { action: string; otherThreadId: string };
      const linked = context.linkedThreads;
      const dismissed = context.dismissedCandidates;
      context = {
        ...context,
        version: context.version + 1,
        linkedThreads:
          action === "link_thread"
            ? [...linked, aLinkedThread({ threadId: otherThreadId })]
            : action === "unlink_thread"
              ? linked.filter((l) => l.threadId !== otherThreadId)
              : linked,
        dismissedCandidates:
          action === "dismiss_candidate"
            ? [...dismissed, otherThreadId]
            : action === "restore_candidate"
              ? dismissed.filter((id) => id !== otherThreadId)
              : dismissed,
      };
    }
    return { status: 200, body: context };
  };
}

const actions = (requests: SeenRequest[]) =>
  requests.map((r) => r.body as { action: string; otherThreadId: string; expectedVersion: number });

describe("candidate threads", () => {
  it("asks whether a candidate is the same issue, with the reason and order ids", async () => {
    renderSidebar({ client: zafDouble({ worker: threadWithCandidate() }) });

    const candidate = await screen.findByTestId("candidate");
    expect(candidate.textContent).toContain("Is this the same issue as THR-OTHER001?");
    expect(candidate.textContent).toContain("Same order");
    expect(candidate.textContent).toContain("Orders: 4512 and 4513");
  });

  it("links a candidate, and undoes the link right after", async () => {
    const client = zafDouble({ worker: threadWithCandidate() });
    renderSidebar({ client });

    await userEvent.click(
      await screen.findByRole("button", { name: "Link THR-OTHER001 to this thread" }),
    );
    const decision = await screen.findByTestId("candidate-decision");
    expect(decision.textContent).toContain("Linked THR-OTHER001.");
    expect(screen.queryByTestId("candidate")).toBeNull();
    expect(screen.getByTestId("linked-thread").textContent).toContain("THR-OTHER001");

    await userEvent.click(within(decision).getByTestId("candidate-undo"));
    await screen.findByTestId("candidate");
    expect(actions(writes(client))).toEqual([
      expect.objectContaining({
        action: "link_thread",
        otherThreadId: "THR-OTHER001",
        expectedVersion: 7,
      }),
      expect.objectContaining({
        action: "unlink_thread",
        otherThreadId: "THR-OTHER001",
        expectedVersion: 8,
      }),
    ]);
    expect(screen.queryByTestId("candidate-decision")).toBeNull();
  });

  it("dismisses a candidate as not the same, and restores it on undo", async () => {
    const client = zafDouble({ worker: threadWithCandidate() });
    renderSidebar({ client });

    await userEvent.click(
      await screen.findByRole("button", { name: "Not the same as THR-OTHER001" }),
    );
    const decision = await screen.findByTestId("candidate-decision");
    expect(decision.textContent).toContain("Marked THR-OTHER001 as not the same.");
    expect(screen.queryByTestId("candidate")).toBeNull();

    await userEvent.click(within(decision).getByRole("button", { name: "Undo" }));
    await screen.findByTestId("candidate");
    expect(actions(writes(client)).map((a) => a.action)).toEqual([
      "dismiss_candidate",
      "restore_candidate",
    ]);
  });
});
