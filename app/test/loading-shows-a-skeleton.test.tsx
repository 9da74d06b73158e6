import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { renderSidebar } from "./render";
import { zafDouble } from "./zaf-double";

describe("while the thread loads", () => {
  it("shows a labelled skeleton instead of an empty sidebar", async () => {
    const client = zafDouble({ worker: () => new Promise(() => {}) });
    renderSidebar({ client });

    const loading = await screen.findByTestId("state-loading");
    expect(loading.getAttribute("role")).toBe("status");
    expect(loading.textContent?.trim()).toBe("Loading the thread…");
  });
});
