import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import type { ThreadContext } from "../src/api/types";
import { aContext, anIdentity } from "./factories";
import { renderSidebar } from "./render";
import { writes, zafDouble } from "./zaf-double";

describe("recording a verification", () => {
  it("posts record_verification with the chosen method on the version on screen", async () => {
    const before = aContext({ version: 7 });
    const after: ThreadContext = aContext({
      version: 8,
      identity: anIdentity({
        level: "high",
        verification: {
          method: "id_checked",
          passedAt: new Date().toISOString(),
          expiresAt: new Date(Date.now() + 3600_000).toISOString(),
          expired: false,
        },
      }),
    });
    const client = zafDouble({
      worker: (request) =>
        request.method === "POST" ? { status: 200, body: after } : { status: 200, body: before },
    });
    renderSidebar({ client });

    await userEvent.selectOptions(
      await screen.findByTestId("verification-method"),
      "ID document checked",
    );
    await userEvent.click(screen.getByTestId("action-record_verification"));

    expect(writes(client)).toEqual([
      expect.objectContaining({
        method: "POST",
        path: "/v1/threads/THR-7K2M9QXA/actions",
        body: {
          action: "record_verification",
          method: "id_checked",
          expectedVersion: 7,
          ticketId: "101",
          actor: "Ana Agent",
        },
      }),
    ]);
    await waitFor(() => expect(screen.getByTestId("identity-level").textContent).toBe("high"));
  });

  it("is unavailable, with the reason shown, while the contact matches no single customer", async () => {
    renderSidebar({
      context: aContext({ identity: anIdentity({ customerId: null, level: "low" }) }),
    });

    const button = (await screen.findByTestId("action-record_verification")) as HTMLButtonElement;
    expect(button.disabled).toBe(true);
    const reason = document.getElementById(button.getAttribute("aria-describedby")!);
    expect(reason?.textContent).toMatch(/Choose who the customer is first/);
  });
});
