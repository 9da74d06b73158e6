import { useCallback, useEffect, useRef, useState } from "react";
import { messageOf, setupApi, SIGN_IN_CODES, type SetupApi } from "../api/setup-api";
import type { SetupHealth } from "../api/setup-types";
import type { Outcome } from "../api/worker-api";
import type { ZafUser } from "../zaf/client";
import { adminSessionOf } from "../api/admin-session";
import { useClient } from "./useClient";

export type SetupView =
  | { state: "loading" }
  /** The Worker URL setting is empty: nothing to call. */
  | { state: "unconfigured" }
  | { state: "notAdmin" }
  | { state: "error"; message: string | null }
  /** No tenant answers for this installation yet, or Zendesk is not connected: offer Connect. */
  | { state: "disconnected"; api: SetupApi }
  /** The app holds no admin session (or it lapsed): offer "Sign in as admin" (and Connect). */
  | { state: "signedOut"; api: SetupApi }
  | { state: "ready"; api: SetupApi; health: SetupHealth };

/** How often the page asks while the admin is on Zendesk's consent screen, and for how long. */
export const POLL_MS = 2_000;
/** How often the checklist is read again while the page is open, so its states stay live. */
export const LIVE_MS = 30_000;
const WAIT_LIMIT_MS = 10 * 60_000;

/** A 401 (no app secret yet, or no tenant): the page offers Connect, not an error. */
function notConnected(outcome: Outcome<unknown>): boolean {
  return outcome.kind === "failed" && outcome.status === 401;
}

/** The Worker wants proof, from Zendesk, that this user is an admin. */
function signedOut(outcome: Outcome<unknown>): boolean {
  return outcome.kind === "rejected" && SIGN_IN_CODES.includes(outcome.code);
}

/** A round trip the page waits for, and the state it collects the admin session with. */
export interface Waiting {
  intent: "connect" | "disconnect" | "admin_session";
  state: string | null;
}

/**
 * A round trip that ended without a session: the Worker refused it (the approver is not an admin,
 * the approval was cancelled), so waiting longer cannot help. `code` is the Worker's reason.
 */
export interface Ended {
  intent: Waiting["intent"];
  code: string | null;
  message: string | null;
}

export function connectedWithOAuth(health: SetupHealth): boolean {
  return health.rows.some((r) => r.id === "zendesk" && r.facts.auth === "oauth");
}

/**
 * The setup page's state: who is looking (admins only), the installation, the admin session and
 * the Worker's checklist. While a consent window is open it polls: for Connect and sign-in until
 * the session can be collected, for Disconnect until the connection is gone. The window's outcome
 * cannot be told to the app directly (docs/decisions.md, "The setup page").
 */
export function useSetup(pollMs = POLL_MS) {
  const client = useClient();
  const [view, setView] = useState<SetupView>({ state: "loading" });
  const [waitingFor, setWaitingFor] = useState<Waiting | null>(null);
  const [ended, setEnded] = useState<Ended | null>(null);
  const [attempt, setAttempt] = useState(0);
  const apiRef = useRef<SetupApi | null>(null);
  // In memory only: a reload, or another tab, signs in again.
  const session = adminSessionOf(client);

  const apply = useCallback(
    (api: SetupApi, outcome: Outcome<SetupHealth>) => {
      if (outcome.kind === "ok") setView({ state: "ready", api, health: outcome.body });
      else if (notConnected(outcome)) setView({ state: "disconnected", api });
      else if (signedOut(outcome)) {
        session.token = null;
        setView({ state: "signedOut", api });
      } else if (outcome.kind === "rejected" && outcome.code === "not_an_admin")
        setView({ state: "notAdmin" });
      else setView({ state: "error", message: messageOf(outcome) });
      return outcome;
    },
    [session],
  );

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
      const api = setupApi(
        client,
        {
          workerUrl: workerUrl.trim(),
          subdomain: context.account?.subdomain ?? "",
          installationId: String(metadata.installationId ?? ""),
        },
        () => session.token,
      );
      apiRef.current = api;
      const outcome = await api.health();
      if (live) apply(api, outcome);
    })().catch((error: unknown) => {
      if (live) setView({ state: "error", message: error instanceof Error ? error.message : null });
    });
    return () => {
      live = false;
    };
  }, [client, attempt, apply, session]);

  // While the admin is on Zendesk's consent screen: Connect and sign-in end when the session
  // they minted can be collected; Disconnect when the connection is gone.
  useEffect(() => {
    if (!waitingFor || !apiRef.current) return;
    const api = apiRef.current;
    const until = Date.now() + WAIT_LIMIT_MS;
    const { intent, state } = waitingFor;
    let busy = false;
    const finish = async () => {
      setWaitingFor(null);
      apply(api, await api.health());
    };
    const timer = setInterval(() => {
      if (busy) return;
      busy = true;
      const step =
        intent !== "disconnect" && state
          ? api.collect(state).then(async (collected) => {
              if (collected.kind === "ok") session.token = collected.body.sessionToken;
              // Only "pending" is worth asking again; any other refusal is final.
              const refused = collected.kind === "rejected" && collected.code !== "session_pending";
              if (refused) setEnded({ intent, code: collected.code, message: collected.message });
              if (collected.kind === "ok" || refused || Date.now() > until) await finish();
            })
          : api.health().then(async (outcome) => {
              const done =
                notConnected(outcome) ||
                signedOut(outcome) ||
                (outcome.kind === "ok" && !connectedWithOAuth(outcome.body));
              if (done || Date.now() > until) {
                setWaitingFor(null);
                apply(api, outcome);
              }
            });
      void step.finally(() => {
        busy = false;
      });
    }, pollMs);
    return () => clearInterval(timer);
  }, [waitingFor, pollMs, apply, session]);

  // Live: the checklist is read again now and then while it shows (events arrive, notes fail).
  const ready = view.state === "ready";
  const waiting = waitingFor?.intent ?? null;
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
  const waitFor = useCallback((intent: Waiting["intent"], state: string | null) => {
    setEnded(null);
    setWaitingFor({ intent, state });
  }, []);
  return { view, waiting, ended, waitFor, refresh, retry, show };
}
