import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { renderApp } from "./render";
import { aSetupHealth } from "./setup-factories";
import { zafDouble, type Reply, type Worker } from "./zaf-double";
import type { SetupHealth } from "../src/api/setup-types";

const ADMIN = { id: 7001, name: "Avery Admin", role: "admin" };
const AGENT = { id: 8002, name: "Sam Agent", role: "agent" };

function setupClient(worker: Worker, user = ADMIN) {
  return zafDouble({ location: "nav_bar", user, worker });
}

/** The metrics page answers nothing here: these tests are about the setup tab. */
function serving(
  health: SetupHealth | { status: number; body: unknown } | Worker,
  more: Worker = () => ({ status: 404 }),
): Worker {
  return (request) => {
    if (request.path === "/v1/setup/health")
      return typeof health === "function"
        ? health(request)
        : "rows" in health
          ? { status: 200, body: health }
          : health;
    if (request.path.startsWith("/v1/metrics"))
      return { status: 500, body: { error: { code: "x", message: "x" } } };
    return more(request);
  };
}

const SIGN_IN_REQUIRED: Reply = {
  status: 403,
  body: { error: { code: "admin_session_required", message: "sign in" } },
};

/**
 * An account the app holds no admin session for: "Sign in as admin" gets a consent address whose
 * state is `st.ate`, and `collect` answers each collection with that state.
 */
function signingIn(collect: Worker, health: Worker = () => SIGN_IN_REQUIRED): Worker {
  return serving(health, (request) => {
    if (request.path.startsWith("/v1/zendesk/oauth/start?"))
      return {
        status: 200,
        body: {
          authorizeUrl: "https://acme.zendesk.com/oauth/authorizations/new?x=1&state=st.ate",
        },
      };
    return request.path === "/v1/setup/session" ? collect(request) : { status: 404 };
  });
}

async function openSetup() {
  await userEvent.click(await screen.findByTestId("navbar-tab-setup"));
}

let opened: { location: { href: string }; close: () => void } | null;
beforeEach(() => {
  opened = { location: { href: "" }, close: vi.fn() };
  vi.spyOn(window, "open").mockImplementation(() => opened as unknown as Window);
});
afterEach(() => vi.restoreAllMocks());

describe("the setup page", () => {
  it("is not offered to an agent, and the Worker is never asked", async () => {
    const client = setupClient(serving(aSetupHealth()), AGENT);
    renderApp(client);
    await screen.findByTestId("navbar");
    await new Promise((r) => setTimeout(r, 20));
    expect(screen.queryByTestId("navbar-tab-setup")).toBeNull();
    expect(client.requests.some((r) => r.path.startsWith("/v1/setup"))).toBe(false);
  });

  it("signs in as admin through Zendesk's consent screen, then sends only that session", async () => {
    let collected = 0;
    const client = setupClient(
      signingIn(
        () => {
          // Pending while the admin is still on Zendesk's screen (until the window opened), then
          // the session.
          collected++;
          return !opened!.location.href
            ? { status: 404, body: { error: { code: "session_pending", message: "wait" } } }
            : {
                status: 200,
                body: {
                  sessionToken: "sess-1",
                  userId: "7001",
                  expiresAt: "2026-12-04T08:00:00Z",
                },
              };
        },
        (request) =>
          request.options.headers?.["X-Continuity-Admin-Session"] === "sess-1"
            ? { status: 200, body: aSetupHealth() }
            : SIGN_IN_REQUIRED,
      ),
    );
    renderApp(client);
    await openSetup();
    await userEvent.click(await screen.findByTestId("setup-sign-in-button"));
    await waitFor(() => expect(opened!.location.href).toContain("/oauth/authorizations/new"));
    const start = client.requests.find((r) => r.path.startsWith("/v1/zendesk/oauth/start"))!;
    expect(start.path).toContain("intent=admin_session");
    expect(await screen.findByTestId("setup-row-orders", {}, { timeout: 8000 })).toBeTruthy();
    expect(collected).toBeGreaterThan(0);
    const collect = client.requests.find((r) => r.path === "/v1/setup/session")!;
    expect(collect.body).toEqual({ state: "st.ate" });
    const asked = client.requests.filter((r) => r.path === "/v1/setup/health").at(-1)!;
    expect(asked.options.headers).toMatchObject({
      Authorization: "Bearer {{setting.appSecret}}",
      "X-Continuity-Admin-Session": "sess-1",
    });
    expect(asked.options.headers).not.toHaveProperty("X-Zendesk-User-Id");
    expect(asked.options.secure).toBe(true);
    expect(JSON.stringify(window.localStorage)).not.toContain("sess-1");
  });

  it("stops waiting at once when Zendesk's approver is not an admin, and says so", async () => {
    // An agent approved: the Worker refused the callback and says so to the collecting app.
    const client = setupClient(
      signingIn(() => ({
        status: 403,
        body: { error: { code: "not_an_admin", message: "This round trip ended…" } },
      })),
    );
    renderApp(client);
    await openSetup();
    await userEvent.click(await screen.findByTestId("setup-sign-in-button"));
    expect(await screen.findByTestId("setup-sign-in-waiting")).toBeTruthy();
    const ended = await screen.findByTestId("setup-sign-in-ended", {}, { timeout: 8000 });
    expect(ended.textContent).toContain(
      "Zendesk says the person who approved is not an admin of this account",
    );
    expect(screen.queryByTestId("setup-sign-in-waiting")).toBeNull();
    expect((screen.getByTestId("setup-sign-in-button") as HTMLButtonElement).disabled).toBe(false);
    // No more asking: one poll interval later, the Worker has heard nothing new.
    const collects = () => client.requests.filter((r) => r.path === "/v1/setup/session").length;
    const asked = collects();
    expect(asked).toBe(1);
    await new Promise((r) => setTimeout(r, 2_500));
    expect(collects()).toBe(asked);
  });

  it("offers Connect before the account is connected, and opens Zendesk's consent screen", async () => {
    const client = setupClient(
      serving(
        { status: 401, body: { error: { code: "unauthorized", message: "no secret" } } },
        (request) =>
          request.path.startsWith("/v1/zendesk/oauth/start?")
            ? {
                status: 200,
                body: { authorizeUrl: "https://acme.zendesk.com/oauth/authorizations/new?x=1" },
              }
            : { status: 404 },
      ),
    );
    renderApp(client);
    await openSetup();
    await userEvent.click(await screen.findByTestId("setup-connect-button"));
    await waitFor(() => expect(opened!.location.href).toContain("/oauth/authorizations/new"));
    expect(await screen.findByTestId("setup-waiting")).toBeTruthy();
    const start = client.requests.find((r) => r.path.startsWith("/v1/zendesk/oauth/start"))!;
    expect(start.path).toContain("intent=connect");
    expect(start.options.headers).toMatchObject({ Accept: "application/json" });
  });

  it("shows each row's state, with the failing reason and its fix", async () => {
    const health = aSetupHealth();
    health.rows[5] = {
      id: "orders",
      state: "attention",
      facts: { kind: "http", ms: 4, reason: "order system unavailable: connection refused" },
      fix: "orders",
    };
    health.rows[3] = {
      id: "notes",
      state: "attention",
      facts: { written: 1, failed: 2, reason: "Zendesk rejected the request (422)" },
      fix: "operator",
    };
    renderApp(setupClient(serving(health)));
    await openSetup();
    const orders = await screen.findByTestId("setup-row-orders");
    expect(orders.dataset.state).toBe("attention");
    expect(within(orders).getByText("Needs attention")).toBeTruthy();
    expect(orders.textContent).toContain(
      "The test call failed: order system unavailable: connection refused",
    );
    expect(within(orders).getByTestId("setup-fix-orders").textContent).toBe("Set the order system");
    expect(screen.getByTestId("setup-row-notes").textContent).toContain(
      "2 failing: Zendesk rejected the request (422)",
    );
    expect(screen.getByTestId("setup-row-zendesk-detail").textContent).toBe(
      "Connected by Zendesk user 7001 with the scopes read, write.",
    );
    expect(screen.getByTestId("setup-row-lastEvent").dataset.state).toBe("ok");
  });

  it("keeps secrets write-only: says whether one is set, never shows it, sends it only when typed", async () => {
    const saved: unknown[] = [];
    const client = setupClient(
      serving(aSetupHealth(), (request) => {
        if (request.path === "/v1/setup/settings") {
          saved.push(request.body);
          return { status: 200, body: aSetupHealth() };
        }
        return { status: 404 };
      }),
    );
    renderApp(client);
    await openSetup();
    const token = (await screen.findByTestId("setup-orders-token")) as HTMLInputElement;
    expect(token.type).toBe("password");
    expect(token.value).toBe("");
    expect(screen.getByTestId("setup-orders-token-state").textContent).toContain("Set.");
    expect(screen.getByTestId("setup-ai-provider")).toBeTruthy();
    await userEvent.click(screen.getByTestId("setup-form-orders-save"));
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0]).toEqual({ orders: { baseUrl: "https://orders.acme.test" } });
    fireEvent.change(token, { target: { value: "new-token" } });
    await userEvent.click(screen.getByTestId("setup-form-orders-save"));
    await waitFor(() => expect(saved).toHaveLength(2));
    expect(saved[1]).toEqual({
      orders: { baseUrl: "https://orders.acme.test", token: "new-token" },
    });
  });

  it("sets the store's own rules; one left empty is sent as none", async () => {
    const saved: unknown[] = [];
    const client = setupClient(
      serving(aSetupHealth(), (request) => {
        if (request.path === "/v1/setup/settings") {
          saved.push(request.body);
          return { status: 200, body: aSetupHealth() };
        }
        return { status: 404 };
      }),
    );
    renderApp(client);
    await openSetup();
    const returnWindow = (await screen.findByTestId(
      "setup-policy-returnWindowDays",
    )) as HTMLInputElement;
    expect(returnWindow.value).toBe("");
    expect(screen.getByText("Refunds up to this amount need no approval")).toBeTruthy();
    fireEvent.change(returnWindow, { target: { value: "14" } });
    fireEvent.change(screen.getByTestId("setup-policy-openingHours"), {
      target: { value: "Mon–Fri 9:00–17:00" },
    });
    await userEvent.click(screen.getByTestId("setup-form-policy-save"));
    await waitFor(() => expect(saved).toHaveLength(1));
    const policy = (saved[0] as { policy: Record<string, unknown> }).policy;
    expect(policy).toMatchObject({ returnWindowDays: 14, openingHours: "Mon–Fri 9:00–17:00" });
    // None is assumed: null tells the Worker there is no such rule, and a person decides.
    expect(policy).toMatchObject({ refundApprovalThreshold: null, warrantyMonths: null });
  });

  it("lists the sites that may show the web chat, as origins, and shows what was kept", async () => {
    const saved: unknown[] = [];
    const NOT_AN_ORIGIN = '"https://shop.example/help" is not an https origin';
    const refusal = {
      status: 422,
      body: {
        error: {
          code: "invalid_body",
          message: "Invalid body",
          issues: [{ path: "webChat.frameOrigins[0]", message: NOT_AN_ORIGIN }],
        },
      },
    };
    let refuse = false;
    const kept = aSetupHealth({
      settings: {
        ...aSetupHealth().settings,
        webChat: { frameOrigins: ["https://shop.example", "https://help.shop.example"] },
      },
    });
    const client = setupClient(
      serving(aSetupHealth(), (request) => {
        if (request.path === "/v1/setup/settings") {
          saved.push(request.body);
          return refuse ? refusal : { status: 200, body: kept };
        }
        return { status: 404 };
      }),
    );
    renderApp(client);
    await openSetup();
    const sites = (await screen.findByTestId("setup-webChat-frameOrigins")) as HTMLInputElement;
    expect(sites.value).toBe("");
    expect(screen.getByText(/Empty: any https site/)).toBeTruthy();
    fireEvent.change(sites, {
      target: { value: " https://shop.example,https://help.shop.example  " },
    });
    await userEvent.click(screen.getByTestId("setup-form-webChat-save"));
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0]).toEqual({
      webChat: { frameOrigins: ["https://shop.example", "https://help.shop.example"] },
    });
    await waitFor(() => expect(sites.value).toBe("https://shop.example https://help.shop.example"));

    // A refused item of the list is told beside the list.
    refuse = true;
    fireEvent.change(sites, { target: { value: "https://shop.example/help" } });
    await userEvent.click(screen.getByTestId("setup-form-webChat-save"));
    expect((await screen.findByTestId("setup-webChat-frameOrigins-error")).textContent).toBe(
      NOT_AN_ORIGIN,
    );
  });

  it("clears a store rule that is set, which the Worker then holds no more", async () => {
    const saved: unknown[] = [];
    const base = aSetupHealth();
    const withRules = (policy: Record<string, unknown>) =>
      aSetupHealth({
        settings: { ...base.settings, policy: { ...base.settings.policy, ...policy } },
      });
    const client = setupClient(
      serving(withRules({ returnWindowDays: 30, openingHours: "8am–8pm" }), (request) => {
        if (request.path === "/v1/setup/settings") {
          saved.push(request.body);
          return { status: 200, body: withRules({ returnWindowDays: 30 }) };
        }
        return { status: 404 };
      }),
    );
    renderApp(client);
    await openSetup();
    const hours = (await screen.findByTestId("setup-policy-openingHours")) as HTMLInputElement;
    expect(hours.value).toBe("8am–8pm");
    const form = screen.getByTestId("setup-form-policy");
    expect(within(form).getAllByText("Empty: no rule, and a person decides.").length).toBe(4);

    await userEvent.click(
      screen.getByRole("button", { name: "Clear “Opening hours, as customers are told”" }),
    );
    expect(hours.value).toBe("");
    expect(screen.queryByTestId("setup-policy-openingHours-clear")).toBeNull();
    await userEvent.click(screen.getByTestId("setup-form-policy-save"));
    await waitFor(() => expect(saved).toHaveLength(1));
    expect((saved[0] as { policy: Record<string, unknown> }).policy).toMatchObject({
      returnWindowDays: 30,
      openingHours: null,
    });
    await waitFor(() =>
      expect((screen.getByTestId("setup-policy-openingHours") as HTMLInputElement).value).toBe(""),
    );
    expect(screen.getByTestId("setup-policy-returnWindowDays-clear")).toBeTruthy();
  });

  it("shows the Worker's validation errors next to each field", async () => {
    const client = setupClient(
      serving(aSetupHealth(), (request) =>
        request.path === "/v1/setup/settings"
          ? {
              status: 422,
              body: {
                error: {
                  code: "invalid_body",
                  message: "The body is not valid",
                  issues: [
                    {
                      path: "retention.messagesDays",
                      message: "Too big: expected number to be <=3650",
                    },
                    {
                      path: "retention.auditDays",
                      message: "Invalid input: expected number, received string",
                    },
                  ],
                },
              },
            }
          : { status: 404 },
      ),
    );
    renderApp(client);
    await openSetup();
    const messages = await screen.findByTestId("setup-retention-messagesDays");
    fireEvent.change(messages, { target: { value: "99999" } });
    fireEvent.change(screen.getByTestId("setup-retention-auditDays"), {
      target: { value: "soon" },
    });
    await userEvent.click(screen.getByTestId("setup-form-retention-save"));
    expect((await screen.findByTestId("setup-retention-messagesDays-error")).textContent).toContain(
      "<=3650",
    );
    expect(screen.getByTestId("setup-retention-auditDays-error").textContent).toContain(
      "expected number",
    );
    const sent = client.requests.find((r) => r.path === "/v1/setup/settings")!;
    expect(sent.body).toMatchObject({ retention: { messagesDays: 99999, auditDays: "soon" } });
  });

  it("runs a test call and says why it failed", async () => {
    renderApp(
      setupClient(
        serving(aSetupHealth(), (request) =>
          request.path === "/v1/setup/checks/orders"
            ? {
                status: 200,
                body: { ok: false, ms: 5, reason: "order system unavailable: HTTP 502" },
              }
            : { status: 404 },
        ),
      ),
    );
    await openSetup();
    await userEvent.click(await screen.findByTestId("setup-form-orders-test"));
    expect(
      (await screen.findByText(/The test call failed: order system unavailable: HTTP 502/))
        .textContent,
    ).toBeTruthy();
  });

  it("says what Disconnect removes and what it keeps before it starts", async () => {
    renderApp(setupClient(serving(aSetupHealth())));
    await openSetup();
    const panel = await screen.findByTestId("setup-disconnect");
    expect(panel.textContent).toContain("removes the webhook");
    expect(panel.textContent).toContain("kept until their retention ends (messages: 90 days)");
    await userEvent.click(within(panel).getByTestId("setup-disconnect-button"));
    expect(within(panel).getByTestId("setup-disconnect-confirm")).toBeTruthy();
  });
});
