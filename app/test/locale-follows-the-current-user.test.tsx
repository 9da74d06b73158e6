import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { aContext } from "./factories";
import { renderSidebar } from "./render";

describe("the sidebar's language", () => {
  it("is Spanish for an agent whose Zendesk locale is es", async () => {
    renderSidebar({ context: aContext(), locale: "es" });

    expect((await screen.findByTestId("workflow-step")).textContent).toBe("Paso 3 de 5");
    expect(screen.getByRole("heading", { name: "Quién es" })).toBeTruthy();
    expect(screen.getByTestId("identity-level").textContent).toBe("media");
    expect(document.documentElement.lang).toBe("es");
  });

  it("takes the language of a regional locale such as de-DE", async () => {
    renderSidebar({ context: aContext(), locale: "de-DE" });

    expect((await screen.findByTestId("workflow-step")).textContent).toBe("Schritt 3 von 5");
    expect(screen.getByTestId("action-take_over").textContent).toBe("Übernehmen");
  });

  it("falls back to English for a language without a catalog", async () => {
    renderSidebar({ context: aContext(), locale: "ja" });

    expect((await screen.findByTestId("workflow-step")).textContent).toBe("Step 3 of 5");
    expect(document.documentElement.lang).toBe("en");
  });
});
