import { useCallback, useEffect, useRef, useState } from "react";
import { messageOf, setupApi, type SetupApi } from "../api/setup-api";
import type { SetupHealth } from "../api/setup-types";
import type { Outcome } from "../api/worker-api";
import type { ZafUser } from "../zaf/client";
import { useClient } from "./useClient";

export type SetupView =
  | { state: "loading" }
  /** The Worker URL setting is empty: nothing to call. */
  | { state: "unconfigured" }
  | { state: "notAdmin" }
  | { state: "error"; message: string | null }
  /** No tenant answers for this installation yet, or Zendesk is not connected: offer Connect. */
  | { state: "disconnected"; api: SetupApi }
  | { state: "ready"; api: SetupApi; health: SetupHealth };

/** How often the page asks while the admin is on Zendesk's consent screen, and for how long. */
export const POLL_MS = 2_000;
/** How often the checklist is read again while the page is open, so its states stay live. */
export const LIVE_MS = 30_000;
const WAIT_LIMIT_MS = 10 * 60_000;

/** A 401 (no app secret yet) or Zendesk not connected: the page offers Connect, not an error. */
function notConnected(outcome: Outcome<unknown>): boolean {
  if (outcome.kind === "failed") return outcome.status === 401;
  return outcome.kind === "rejected" && outcome.code === "admin_unproven";
}

export function connectedWithOAuth(health: SetupHealth): boolean {
  return health.rows.some((r) => r.id === "zendesk" && r.facts.auth === "oauth");
}

/**
 * The setup page's state: who is looking (admins only), the installation, and the Worker's
 * checklist. While a consent window is open it polls until the connection changes: the window's
 * outcome cannot be told to the app directly (docs/decisions.md, "The setup page").
 */
export function useSetup(pollMs = POLL_MS) {
  const client = useClient();
  const [view, setView] = useState<SetupView>({ state: "loading" });
  const [waiting, setWaiting] = useState<"connect" | "disconnect" | null>(null);
  const [attempt, setAttempt] = useState(0);
  const apiRef = useRef<SetupApi | null>(null);

  const apply = useCallback((api: SetupApi, outcome: Outcome<SetupHealth>) => {
    if (outcome.kind === "ok") setView({ state: "ready", api, health: outcome.body });
    else if (notConnected(outcome)) setView({ state: "disconnected", api });
    else if (outcome.kind === "rejected" && outcome.code === "not_an_admin")
      setView({ state: "notAdmin" });
    else setView({ state: "error", message: messageOf(outcome) });
    return outcome;
  }, []);

  useEffect(() => {
    let live = true;
    setView({ state: "loading" });
    (async () => {
      const [metadata, context, got] = await Promise.all([
        client.metadata(),
        client.context(),
        client.get("currentUser"),
      ]);
      const user = got.currentUser as ZafUser | undefined;
      const workerUrl = metadata.settings.workerUrl;
      if (!live) return;
      if (typeof workerUrl !== "string" || !workerUrl.trim())
        return setView({ state: "unconfigured" });
      if (!user || user.role !== "admin") return setView({ state: "notAdmin" });
      const api = setupApi(client, {
        workerUrl: workerUrl.trim(),
        subdomain: context.account?.subdomain ?? "",
        installationId: String(metadata.installationId ?? ""),
        userId: user.id,
      });
      apiRef.current = api;
      const outcome = await api.health();
      if (live) apply(api, outcome);
    })().catch((error: unknown) => {
      if (live) setView({ state: "error", message: error instanceof Error ? error.message : null });
    });
    return () => {
      live = false;
    };
  }, [client, attempt, apply]);

  // While the admin is on Zendesk's consent screen: ask until the connection has changed.
  useEffect(() => {
    if (!waiting || !apiRef.current) return;
    const api = apiRef.current;
    const until = Date.now() + WAIT_LIMIT_MS;
    const timer = setInterval(() => {
      void api.health().then((outcome) => {
        const done =
          waiting === "connect"
            ? outcome.kind === "ok" && connectedWithOAuth(outcome.body)
            : notConnected(outcome) || (outcome.kind === "ok" && !connectedWithOAuth(outcome.body));
        if (done || Date.now() > until) {
          setWaiting(null);
          apply(api, outcome);
        }
      });
    }, pollMs);
    return () => clearInterval(timer);
  }, [waiting, pollMs, apply]);

  // Live: the checklist is read again now and then while it shows (events arrive, notes fail).
  const ready = view.state === "ready";
  useEffect(() => {
    if (!ready || waiting || !apiRef.current) return;
    const api = apiRef.current;
    const timer = setInterval(() => {
      void api.health().then((outcome) => apply(api, outcome));
    }, LIVE_MS);
    return () => clearInterval(timer);
  }, [ready, waiting, apply]);

  const refresh = useCallback(async () => {
    if (apiRef.current) apply(apiRef.current, await apiRef.current.health());
  }, [apply]);
  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  const show = useCallback(
    (health: SetupHealth) =>
      apiRef.current && setView({ state: "ready", api: apiRef.current, health }),
    [],
  );
  return { view, waiting, setWaiting, refresh, retry, show };
}
