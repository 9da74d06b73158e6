import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { aContext } from "./factories";
import { renderSidebar } from "./render";
import { writes, zafDouble } from "./zaf-double";

describe("recording a verification", () => {
  it("starts with no method chosen and cannot be submitted until the agent picks one", async () => {
    const client = zafDouble({
      worker: () => ({ status: 200, body: aContext() }),
    });
    renderSidebar({ client });

    const select = (await screen.findByTestId("verification-method")) as HTMLSelectElement;
    expect(select.value).toBe("");
    expect(select.selectedOptions[0]?.textContent).toBe("Choose how you verified the caller");
    const button = screen.getByTestId("action-record_verification") as HTMLButtonElement;
    expect(button.textContent).toBe("Record verification: raises this contact to high");
    expect(button.disabled).toBe(true);
    await userEvent.click(button);
    expect(writes(client)).toEqual([]);

    await userEvent.selectOptions(select, "Security questions answered");
    expect(button.disabled).toBe(false);
    await userEvent.click(button);
    expect(writes(client).map((r) => r.body)).toEqual([
      expect.objectContaining({ action: "record_verification", method: "security_questions" }),
    ]);
  });
});
