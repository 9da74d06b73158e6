import type { ZafClient } from "../zaf/client";
import type { ConnectionCheck, SettingsSection, SetupHealth } from "./setup-types";
import { bodyOf, failureOf, type Outcome } from "./worker-api";

export interface SetupApi {
  health(): Promise<Outcome<SetupHealth>>;
  save(update: Partial<Record<SettingsSection, unknown>>): Promise<SaveOutcome>;
  check(target: "orders" | "ai"): Promise<Outcome<ConnectionCheck>>;
  /** Zendesk's consent address for this account and installation (the Worker signs the state). */
  start(intent: RoundTrip): Promise<Outcome<{ authorizeUrl: string }>>;
  /** The admin session a finished round trip with this state minted, answered once. */
  collect(state: string): Promise<Outcome<AdminSession>>;
}

export type RoundTrip = "connect" | "disconnect" | "admin_session";

export interface AdminSession {
  sessionToken: string;
  userId: string;
  expiresAt: string;
}

/** The Worker's answers that mean "no admin session (any more)": sign in, not an error. */
export const SIGN_IN_CODES: readonly (string | null)[] = [
  "admin_session_required",
  "admin_session_unknown",
  "admin_session_expired",
];

/** The `state` the Worker signed into a consent address, which the app collects its session with. */
export function stateOf(authorizeUrl: string): string | null {
  try {
    return new URL(authorizeUrl).searchParams.get("state");
  } catch {
    return null;
  }
}

/** What a refused or failed outcome says, if anything. */
export function messageOf(outcome: Outcome<unknown>): string | null {
  return "message" in outcome ? outcome.message : null;
}

export interface Issue {
  path: string;
  message: string;
}

/** A save the Worker refused field by field (422) says which field and why. */
export type SaveOutcome = Outcome<SetupHealth> | { kind: "invalid"; issues: Issue[] };

function issuesIn(reason: unknown): Issue[] | null {
  const response = (typeof reason === "object" && reason ? reason : {}) as { status?: number };
  if (response.status !== 422) return null;
  const body = bodyOf(response) as { error?: { issues?: unknown } } | null;
  const issues = body?.error?.issues;
  return Array.isArray(issues) ? (issues as Issue[]) : null;
}

export interface Installation {
  workerUrl: string;
  subdomain: string;
  installationId: string;
}

/**
 * The setup API through Zendesk's proxy, like every Worker call: the proxy puts the app secret in
 * (empty before the first Connect, which needs none). Admin calls carry the admin session that a
 * round trip through Zendesk's consent screen proved; `session` reads it from memory only (never
 * storage), so it dies with the page.
 */
export function setupApi(
  client: ZafClient,
  install: Installation,
  session: () => string | null = () => null,
): SetupApi {
  const base = install.workerUrl.replace(/\/+$/, "");
  const adminSession = (): Record<string, string> => {
    const token = session();
    return token ? { "X-Continuity-Admin-Session": token } : {};
  };
  async function call<T>(
    type: "GET" | "POST" | "PUT",
    path: string,
    body?: unknown,
  ): Promise<Outcome<T> | { kind: "invalid"; issues: Issue[] }> {
    try {
      const response = await client.request({
        url: `${base}${path}`,
        type,
        contentType: "application/json",
        ...(body === undefined ? {} : { data: JSON.stringify(body) }),
        headers: {
          Authorization: "Bearer {{setting.appSecret}}",
          ...adminSession(),
          Accept: "application/json",
        },
        secure: true,
        cors: false,
        httpCompleteResponse: true,
        timeout: 20_000,
      });
      if (response.status >= 300) return refused(response);
      return { kind: "ok", status: response.status, body: bodyOf(response) as T } as Outcome<T>;
    } catch (reason) {
      return refused(reason);
    }
  }
  function refused(reason: unknown) {
    const issues = issuesIn(reason);
    return issues ? { kind: "invalid" as const, issues } : failureOf(reason);
  }
  // Only a save is refused field by field; the other answers are plain outcomes.
  const plain = <T>(outcome: Promise<Outcome<T> | { kind: "invalid"; issues: Issue[] }>) =>
    outcome.then((o) => (o.kind === "invalid" ? failureOf({ status: 422 }) : o)) as Promise<
      Outcome<T>
    >;
  return {
    health: () => plain(call("GET", "/v1/setup/health")),
    save: (update) => call("PUT", "/v1/setup/settings", update),
    check: (target) => plain(call("POST", `/v1/setup/checks/${target}`)),
    collect: (state) => plain(call("POST", "/v1/setup/session", { state })),
    start: (intent) =>
      plain(
        call(
          "GET",
          `/v1/zendesk/oauth/start?${new URLSearchParams({
            subdomain: install.subdomain,
            installationId: install.installationId,
            intent,
          })}`,
        ),
      ),
  };
}
