import { useEffect, useRef, useState } from "react";
import { isSessionFact } from "../../../worker/src/domain/thread-events";
import type { PresentParticipant, SessionControl, SessionMessage } from "../api/types";
import type { SessionRole, WorkerApi } from "../api/worker-api";

/** Wait after the socket closes before attaching again; doubled each time up to the last. */
const REATTACH_MS = [500, 1_000, 2_000, 5_000, 10_000, 30_000];
/** When no socket could be opened at all, polling carries on and the session is tried this rarely. */
const RETRY_UNAVAILABLE_MS = 60_000;
/** Facts of one change arrive together: they settle into one read of the context. */
const SETTLE_MS = 60;

export interface SessionTarget {
  api: WorkerApi;
  workerUrl: string;
  ticketId: string;
  actor: string;
  /** A supervisor attaches to watch: present and recorded, without taking the conversation. */
  role: SessionRole;
}

export interface ThreadSessionState {
  /** The socket is open: changes arrive as they are committed, and polling rests. */
  live: boolean;
  /** Who is attached to the thread's live session now, the agent included. */
  participants: PresentParticipant[];
  /** Who has the conversation, as the session last said; null while not attached. */
  control: SessionControl | null;
}

/** The session's WebSocket address: the path the token names, on the Worker's own origin. */
export function sessionUrl(workerUrl: string, attach: string, token: string, after: number): URL {
  const url = new URL(attach, workerUrl);
  url.protocol = url.protocol === "https:" ? "wss:" : "ws:";
  url.searchParams.set("token", token);
  url.searchParams.set("after", String(after));
  return url;
}

/**
 * The sidebar attached to the thread's live session: a token through Zendesk's proxy, then a
 * WebSocket straight to the Worker. Each committed fact after the rendered offset arrives in
 * order; one that changes the thread re-reads the context (`onChange`), so the timeline, stepper
 * and controls move without polling. A dropped socket attaches again from the last offset it
 * was sent, so nothing is missed or applied twice; while no socket is open, `live` is false and
 * the caller polls as before.
 */
export function useThreadSession(options: {
  target: SessionTarget | null;
  threadId: string | null;
  offset: number;
  onChange: () => void;
}): ThreadSessionState {
  const { target, threadId } = options;
  const [live, setLive] = useState(false);
  const [participants, setParticipants] = useState<PresentParticipant[]>([]);
  const [control, setControl] = useState<SessionControl | null>(null);
  const latest = useRef(options);
  latest.current = options;

  useEffect(() => {
    if (!target || !threadId || typeof WebSocket === "undefined") return;
    let stopped = false;
    let socket: WebSocket | null = null;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let settle: ReturnType<typeof setTimeout> | undefined;
    let failures = 0;
    // The newest offset applied: the rendered context's, or the socket's if it is ahead.
    let seen = latest.current.offset;

    const again = (ms: number) => {
      clearTimeout(retry);
      retry = setTimeout(() => void attach(), ms);
    };
    const changed = () => {
      clearTimeout(settle);
      settle = setTimeout(() => latest.current.onChange(), SETTLE_MS);
    };
    const receive = (raw: unknown) => {
      let message: SessionMessage;
      try {
        message = JSON.parse(String(raw)) as SessionMessage;
      } catch {
        return;
      }
      if (message.type === "presence") {
        setParticipants(message.participants);
        setControl(message.control ?? null);
      }
      if (message.type !== "event" || message.offset <= seen) return;
      seen = message.offset;
      // A fact the rendered context already holds (the agent's own write answered with it) or
      // someone coming and going changes nothing on screen.
      if (!isSessionFact(message.event) && message.offset > latest.current.offset) changed();
    };

    async function attach() {
      const answer = await target!.api.sessionToken(threadId!, {
        ticketId: target!.ticketId,
        actor: target!.actor,
        role: target!.role,
      });
      if (stopped) return;
      const body = answer.kind === "ok" ? answer.body : null;
      if (!body || typeof body.token !== "string" || typeof body.attach !== "string") {
        setLive(false);
        again(RETRY_UNAVAILABLE_MS);
        return;
      }
      let opened: WebSocket;
      try {
        const after = Math.max(seen, latest.current.offset);
        opened = new WebSocket(sessionUrl(target!.workerUrl, body.attach, body.token, after));
      } catch {
        setLive(false);
        again(RETRY_UNAVAILABLE_MS);
        return;
      }
      socket = opened;
      seen = Math.max(seen, latest.current.offset);
      opened.onopen = () => {
        failures = 0;
        setLive(true);
      };
      opened.onmessage = (event) => receive(event.data);
      opened.onclose = () => {
        if (socket === opened) socket = null;
        setLive(false);
        setParticipants([]);
        setControl(null);
        if (stopped) return;
        // What happened while detached comes with the replay; a read now closes any window.
        changed();
        again(REATTACH_MS[Math.min(failures++, REATTACH_MS.length - 1)]!);
      };
    }

    void attach();
    return () => {
      stopped = true;
      clearTimeout(retry);
      clearTimeout(settle);
      socket?.close(1000, "sidebar closed");
      setLive(false);
      setParticipants([]);
      setControl(null);
    };
  }, [target, threadId]);

  return { live, participants, control };
}
