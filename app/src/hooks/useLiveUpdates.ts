import { useEffect, useRef } from "react";
import type { ZafClient } from "../zaf/client";

/** Ticket changes in the agent's own Zendesk tab that can move the thread. */
export const TICKET_EVENTS = [
  "ticket.updated",
  "ticket.status.changed",
  "ticket.assignee.changed",
  "ticket.assignee.user.changed",
  "ticket.assignee.group.changed",
  "ticket.comments.changed",
  "ticket.submit.done",
] as const;

export const POLL_INTERVAL_MS = 10_000;
const SETTLE_MS = 400;

/**
 * Re-reads when the ticket changes here, and catches up with changes from elsewhere (the AI
 * agent, other channels, other agents) by asking the event log whether its head is past the
 * offset we rendered. The log answer is one row (limit=1); the full context is read only when
 * something happened, and polling stops while the sidebar is hidden.
 */
export function useLiveUpdates(options: {
  client: ZafClient;
  threadId: string | null;
  offset: number;
  headOf: (threadId: string, after: number) => Promise<number | null>;
  onChange: () => void;
  pollMs?: number;
  /** Another way of hearing about changes is open (the live session): the log need not be asked. */
  paused?: boolean;
}): void {
  const {
    client,
    threadId,
    offset,
    headOf,
    onChange,
    pollMs = POLL_INTERVAL_MS,
    paused = false,
  } = options;
  const latest = useRef({ offset, headOf, onChange });
  latest.current = { offset, headOf, onChange };

  useEffect(() => {
    // A ticket save fires several events at once; they settle into one read.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const handler = () => {
      clearTimeout(timer);
      timer = setTimeout(() => latest.current.onChange(), SETTLE_MS);
    };
    for (const name of TICKET_EVENTS) client.on(name, handler);
    return () => {
      clearTimeout(timer);
      for (const name of TICKET_EVENTS) client.off(name, handler);
    };
  }, [client]);

  useEffect(() => {
    if (!threadId || paused) return;
    let stopped = false;
    let asking = false;
    const ask = async () => {
      if (asking || document.visibilityState !== "visible") return;
      asking = true;
      try {
        const { offset: rendered, headOf: read } = latest.current;
        const head = await read(threadId, rendered);
        if (!stopped && head !== null && head > latest.current.offset) latest.current.onChange();
      } finally {
        asking = false;
      }
    };
    const interval = setInterval(() => void ask(), pollMs);
    const onVisibility = () => void ask();
    document.addEventListener("visibilitychange", onVisibility);
    return () => {
      stopped = true;
      clearInterval(interval);
      document.removeEventListener("visibilitychange", onVisibility);
    };
  }, [threadId, pollMs, paused]);
}
