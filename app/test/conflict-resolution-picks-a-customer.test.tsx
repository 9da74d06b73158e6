import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { aContext, anIdentity } from "./factories";
import { renderSidebar } from "./render";
import { writes, zafDouble } from "./zaf-double";

const conflicted = aContext({
  identity: anIdentity({
    level: "low",
    customerId: null,
    conflict: {
      reason: "contradicting_signals",
      signals: [
        { kind: "email", masked: "j***@example.com", owners: ["CUS-1"] },
        { kind: "phone", masked: "+44 *** ** 89", owners: ["CUS-2", "CUS-3"] },
      ],
    },
    candidates: ["CUS-1", "CUS-2"],
  }),
});

describe("identity conflict", () => {
  it("lists the conflicting signals with the customers each points to", async () => {
    renderSidebar({ context: conflicted });

    const signals = await screen.findAllByTestId("conflict-signal");
    expect(signals.map((s) => s.textContent)).toEqual([
      "Email j***@example.com belongs to CUS-1",
      "Phone +44 *** ** 89 belongs to CUS-2 and CUS-3",
    ]);
    expect(screen.getByText("The signals point to different customers.")).toBeTruthy();
  });

  it("lets a person choose one candidate and posts resolve_conflict with it", async () => {
    const client = zafDouble({
      worker: (request) => ({
        status: 200,
        body: request.method === "POST" ? aContext() : conflicted,
      }),
    });
    renderSidebar({ client });

    const choice = await screen.findByTestId("conflict-resolution");
    const confirm = within(choice).getByTestId("conflict-resolve") as HTMLButtonElement;
    expect(confirm.disabled).toBe(true);
    await userEvent.click(within(choice).getByLabelText("CUS-2"));
    await userEvent.click(confirm);

    expect(writes(client).map((r) => r.body)).toEqual([
      expect.objectContaining({
        action: "resolve_conflict",
        customerId: "CUS-2",
        expectedVersion: 7,
      }),
    ]);
    await waitFor(() => expect(screen.queryByTestId("conflict-resolution")).toBeNull());
  });
});
