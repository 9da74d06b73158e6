import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { aContext, aSummary } from "./factories";
import { renderSidebar } from "./render";
import { writes, zafDouble } from "./zaf-double";

const corrected = "The kettle arrived cracked; the customer wants a replacement, not a refund.";

describe("correcting the summary", () => {
  it("PUTs the text on the version on screen and shows the kept, edited summary", async () => {
    const edited = aContext({
      version: 8,
      summary: aSummary({
        text: corrected,
        source: "edited",
        editedBy: "human:Ana Agent",
        editedAt: new Date().toISOString(),
        diffCategory: "corrected_fact",
      }),
    });
    const client = zafDouble({
      worker: (request) => ({
        status: 200,
        body: request.method === "PUT" ? edited : aContext({ version: 7 }),
      }),
    });
    renderSidebar({ client });

    expect((await screen.findByTestId("summary-source")).getAttribute("data-source")).toBe(
      "generated",
    );
    await userEvent.click(screen.getByTestId("summary-edit"));
    const input = screen.getByTestId("summary-input");
    await userEvent.clear(input);
    await userEvent.paste(corrected);
    await userEvent.click(screen.getByTestId("summary-save"));

    expect(writes(client)).toEqual([
      expect.objectContaining({
        method: "PUT",
        path: "/v1/threads/THR-7K2M9QXA/summary",
        body: { expectedVersion: 7, ticketId: "101", actor: "Ana Agent", text: corrected },
      }),
    ]);
    expect((await screen.findByTestId("summary-text")).textContent).toBe(corrected);
    const source = screen.getByTestId("summary-source");
    expect(source.getAttribute("data-source")).toBe("edited");
    expect(source.textContent).toBe("Edited");
    expect(screen.getByTestId("summary-diff").textContent).toBe("Corrected a fact");
    expect(screen.getByText(/by Ana Agent/)).toBeTruthy();
  });

  it("does not save an unchanged or empty summary", async () => {
    renderSidebar({ context: aContext() });

    await userEvent.click(await screen.findByTestId("summary-edit"));
    const save = screen.getByTestId("summary-save") as HTMLButtonElement;
    expect(save.disabled).toBe(true);
    await userEvent.clear(screen.getByTestId("summary-input"));
    expect(save.disabled).toBe(true);
  });

  it("keeps the draft open when the worker refuses the edit", async () => {
    const client = zafDouble({
      worker: (request) =>
        request.method === "PUT"
          ? { status: 422, body: { error: { code: "invalid", message: "The summary is empty." } } }
          : { status: 200, body: aContext() },
    });
    renderSidebar({ client });

    await userEvent.click(await screen.findByTestId("summary-edit"));
    await userEvent.type(screen.getByTestId("summary-input"), " More.");
    await userEvent.click(screen.getByTestId("summary-save"));

    expect((await screen.findByTestId("notice")).textContent).toMatch(/The summary is empty\./);
    expect(screen.getByTestId("summary-input")).toBeTruthy();
  });
});
