import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import de from "../../translations/de.json";
import en from "../../translations/en.json";
import { renderApp } from "./render";
import { zafDouble, type Worker } from "./zaf-double";

const WORKER_SAYS =
  "'acme' started 10 round trips (connect) in the last 10 minutes; try again in 412 s";

/** An account not yet connected whose Worker refuses one more consent round trip. */
const refusingStarts: Worker = (request) => {
  if (request.path === "/v1/setup/health")
    return { status: 401, body: { error: { code: "unauthorized", message: "no secret" } } };
  if (request.path.startsWith("/v1/zendesk/oauth/start?"))
    return {
      status: 429,
      body: { error: { code: "too_many_starts", message: WORKER_SAYS } },
    };
  return { status: 404 };
};

let popup: { location: { href: string }; close: () => void };
beforeEach(() => {
  popup = { location: { href: "" }, close: vi.fn() };
  vi.spyOn(window, "open").mockImplementation(() => popup as unknown as Window);
});
afterEach(() => vi.restoreAllMocks());

describe("too many consent round trips started", () => {
  for (const [locale, strings] of [
    ["en-US", en],
    ["de", de],
  ] as const)
    it(`are told in the admin's language (${locale}), and the empty window is closed`, async () => {
      const client = zafDouble({
        location: "nav_bar",
        user: { id: 7001, name: "Avery Admin", role: "admin", locale },
        locale,
        worker: refusingStarts,
      });
      renderApp(client);
      await userEvent.click(await screen.findByTestId("navbar-tab-setup"));
      await userEvent.click(await screen.findByTestId("setup-connect-button"));
      const alert = await screen.findByTestId("setup-connect-error");
      expect(alert.textContent).toBe(strings.continuity.setup.consent.tooManyStarts);
      expect(alert.textContent).not.toContain(WORKER_SAYS);
      await waitFor(() => expect(popup.close).toHaveBeenCalled());
      expect(popup.location.href).toBe("");
    });
});
