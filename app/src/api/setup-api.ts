import type { ZafClient } from "../zaf/client";
import type { ConnectionCheck, SettingsSection, SetupHealth } from "./setup-types";
import { bodyOf, failureOf, type Outcome } from "./worker-api";

export interface SetupApi {
  health(): Promise<Outcome<SetupHealth>>;
  save(update: Partial<Record<SettingsSection, unknown>>): Promise<SaveOutcome>;
  check(target: "orders" | "ai"): Promise<Outcome<ConnectionCheck>>;
  /** Zendesk's consent address for this account and installation (the Worker signs the state). */
  start(intent: "connect" | "disconnect"): Promise<Outcome<{ authorizeUrl: string }>>;
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
  userId: number;
}

/**
 * The setup API through Zendesk's proxy, like every Worker call: the proxy puts the app secret in
 * (empty before the first Connect, which needs none). The Worker asks Zendesk whether the user
 * named here is an admin: the browser says who, Zendesk says what they may do.
 */
export function setupApi(client: ZafClient, install: Installation): SetupApi {
  const base = install.workerUrl.replace(/\/+$/, "");
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
          "X-Zendesk-User-Id": String(install.userId),
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
