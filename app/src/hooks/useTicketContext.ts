import { useCallback, useEffect, useRef, useState } from "react";
import type {
  ActionDetails,
  PresentParticipant,
  SessionControl,
  ThreadAction,
  ThreadContext,
} from "../api/types";
import {
  workerApi,
  type Outcome,
  type SessionRole,
  type WorkerApi,
  type WriteStamp,
} from "../api/worker-api";
import type { ZafUser } from "../zaf/client";
import { useClient } from "./useClient";
import { useLiveUpdates } from "./useLiveUpdates";
import { useThreadSession } from "./useThreadSession";
import { useThreadBroadcast } from "./useThreadBroadcast";

export type SidebarView =
  | { state: "loading" }
  /** The Worker URL setting is empty: nothing to call. */
  | { state: "unconfigured" }
  /** A ticket being created has no id yet, so no thread can point at it. */
  | { state: "new_ticket" }
  /** The worker knows no thread for this ticket: a first contact. */
  | { state: "no_thread" }
  | { state: "error"; status: number }
  | { state: "ready"; context: ThreadContext };

/** The part of the sidebar a write came from, so its outcome is told where the agent looks. */
export type WriteTopic =
  "identity" | "workflow" | "candidates" | "summary" | "notes" | "conversation";

const TOPIC_OF: Record<ThreadAction, WriteTopic> = {
  approve: "workflow",
  deny: "workflow",
  continue: "workflow",
  hand_back: "workflow",
  take_over: "workflow",
  request_verification: "workflow",
  record_verification: "identity",
  resolve_conflict: "identity",
  link_thread: "candidates",
  unlink_thread: "candidates",
  dismiss_candidate: "candidates",
  restore_candidate: "candidates",
};

/** What the agent is told after a write that did not go through. */
export type Notice = { topic: WriteTopic } & (
  | { kind: "stale"; changes: string[] }
  | { kind: "rejected"; message: string | null }
  /** The Worker did not answer, or answered with a server error: said without codes, with a retry. */
  | { kind: "failed"; what: WriteKey; timedOut: boolean; retry: () => void }
);

/** What a write was, to name it when it fails ("Approving did not go through"). */
export type WriteKey = ThreadAction | "summary" | "note" | "chat_message";

/** A thread action that went through: said in the sidebar, to screen readers and by Zendesk. */
export interface Done {
  topic: WriteTopic;
  action: ThreadAction;
  /** Counts writes, so the same action twice is told twice. */
  seq: number;
}

export interface TicketContextState {
  view: SidebarView;
  /** The ticket requester's name in Zendesk: what the agent calls the customer. */
  requesterName: string | null;
  notice: Notice | null;
  done: Done | null;
  dismissNotice(): void;
  /** The write in flight (e.g. "approve", "summary", "note:…"); other writes wait for it. */
  pending: string | null;
  reload(): void;
  act(action: ThreadAction, details?: ActionDetails): Promise<boolean>;
  editSummary(text: string): Promise<boolean>;
  retryNote(noteId: string): Promise<boolean>;
  /** Write to the customer on the web chat page; the message comes back through the session. */
  writeToChat(text: string): Promise<boolean>;
  /** Who is in the thread's live session now; empty while the sidebar is not attached. */
  participants: PresentParticipant[];
  /** The agent at this sidebar, as the session names them. */
  you: string | null;
  /** Who has the conversation, as the live session says; null while not attached. */
  control: SessionControl | null;
  /** A Zendesk admin's sidebar attaches as a supervisor: watching, able to take over. */
  role: SessionRole;
}

interface Session {
  api: WorkerApi;
  workerUrl: string;
  ticketId: string;
  actor: string;
  role: SessionRole;
  requesterName: string | null;
}

type Start = Session | Exclude<SidebarView["state"], "ready" | "loading" | "no_thread">;

/**
 * Zendesk admins supervise, and so do members of the groups the installation names (setting
 * `supervisorGroups`: names or ids, separated by commas): their sidebar watches a session without
 * taking it, and can take a conversation over from the person who has it. The Worker records the
 * role it was given.
 */
export function roleOf(user: ZafUser | undefined, supervisorGroups: unknown): SessionRole {
  if (user?.role === "admin") return "supervisor";
  const named = new Set(
    (typeof supervisorGroups === "string" ? supervisorGroups : "")
      .split(",")
      .map((g) => g.trim().toLowerCase())
      .filter((g) => g !== ""),
  );
  const member = (user?.groups ?? []).some(
    (g) => named.has(String(g.id)) || named.has(g.name.trim().toLowerCase()),
  );
  return member ? "supervisor" : "agent";
}

function actorOf(user: ZafUser | undefined): string {
  // The audit trail reads better with a name; the id is the stable fallback.
  return (user?.name?.trim() || String(user?.id ?? "")).slice(0, 120) || "unknown";
}

/**
 * The requester's name as Zendesk has it. Zendesk names an unknown caller or sender after their
 * number or address ("Caller +1 415…"): that is no name, and the sidebar shows contacts masked.
 */
function nameOf(requester: unknown): string | null {
  const name = (requester as { name?: unknown } | undefined)?.name;
  if (typeof name !== "string" || !name.trim()) return null;
  if (name.includes("@") || (name.match(/\d/g) ?? []).length >= 7) return null;
  return name.trim().slice(0, 120);
}

/**
 * The thread behind the open ticket, as the worker sees it, and the writes an agent can make to
 * it. Every write carries the version the agent looked at; a 409 re-reads and says what changed.
 */
export function useTicketContext(
  options: { pollMs?: number; timeoutMs?: number } = {},
): TicketContextState {
  const client = useClient();
  const [view, setView] = useState<SidebarView>({ state: "loading" });
  const [notice, setNotice] = useState<Notice | null>(null);
  const [pending, setPending] = useState<string | null>(null);
  const [done, setDone] = useState<Done | null>(null);
  const writes = useRef(0);
  const session = useRef<Session | null>(null);
  const shown = useRef<ThreadContext | null>(null);
  const reading = useRef({ inFlight: false, again: false });
  const live = useRef(true);
  const writing = useRef(false);
  const awaitingTicketId = useRef(false);

  const tellSiblings = useThreadBroadcast(client, (threadId) => {
    if (shown.current?.thread.id === threadId) void readRef.current?.(true);
  });

  const show = useCallback((next: ThreadContext) => {
    const current = shown.current;
    // An older read that lands after a write must not roll the screen back.
    if (current && current.thread.id === next.thread.id && next.version < current.version) return;
    shown.current = next;
    setView({ state: "ready", context: next });
  }, []);

  const read = useCallback(
    async (quiet: boolean) => {
      const open = session.current;
      if (!open) return;
      if (reading.current.inFlight) {
        reading.current.again = true;
        return;
      }
      reading.current.inFlight = true;
      try {
        do {
          reading.current.again = false;
          const outcome = await open.api.ticketContext(open.ticketId);
          if (!live.current) return;
          if (outcome.kind === "ok") show(outcome.body);
          else if (outcome.kind === "rejected" && outcome.status === 404) {
            shown.current = null;
            setView({ state: "no_thread" });
          } else if (!quiet || !shown.current) {
            // A failed background refresh keeps what the agent is reading.
            setView({ state: "error", status: outcome.status });
          }
        } while (reading.current.again);
      } finally {
        reading.current.inFlight = false;
      }
    },
    [show],
  );

  const readRef = useRef<typeof read | null>(null);
  readRef.current = read;

  const start = useCallback(async () => {
    setView({ state: "loading" });
    let started: Start;
    try {
      const [metadata, answer] = await Promise.all([
        client.metadata(),
        client.get(["ticket.id", "currentUser", "ticket.requester"]),
      ]);
      const workerUrl = metadata.settings.workerUrl;
      const ticketId = answer["ticket.id"];
      if (typeof workerUrl !== "string" || !workerUrl.trim()) started = "unconfigured";
      else if (ticketId === null || ticketId === undefined || ticketId === "")
        started = "new_ticket";
      else
        started = {
          api: workerApi(client, workerUrl.trim(), options.timeoutMs),
          workerUrl: workerUrl.trim(),
          ticketId: String(ticketId),
          actor: actorOf(answer.currentUser as ZafUser | undefined),
          role: roleOf(
            answer.currentUser as ZafUser | undefined,
            metadata.settings.supervisorGroups,
          ),
          requesterName: nameOf(answer["ticket.requester"]),
        };
    } catch {
      started = "error";
    }
    if (!live.current) return;
    awaitingTicketId.current = started === "new_ticket";
    if (typeof started === "string") {
      setView(started === "error" ? { state: "error", status: 0 } : { state: started });
      return;
    }
    session.current = started;
    await read(false);
  }, [client, read, options.timeoutMs]);

  useEffect(() => {
    live.current = true;
    void start();
    return () => {
      live.current = false;
    };
  }, [start]);

  const reload = useCallback(() => {
    setNotice(null);
    if (!session.current) {
      void start();
      return;
    }
    if (!shown.current) setView({ state: "loading" });
    void read(false);
  }, [read, start]);

  const write = useCallback(
    async (
      key: string,
      what: WriteKey,
      topic: WriteTopic,
      send: (open: Session, stamp: WriteStamp) => Promise<Outcome<unknown>>,
      onDone: (body: unknown) => void,
    ): Promise<boolean> => {
      const open = session.current;
      const context = shown.current;
      if (!open || !context || writing.current) return false;
      writing.current = true;
      setPending(key);
      setNotice(null);
      setDone(null);
      try {
        const stamp = {
          expectedVersion: context.version,
          ticketId: open.ticketId,
          actor: open.actor,
        };
        const outcome = await send(open, stamp);
        if (!live.current) return false;
        switch (outcome.kind) {
          case "ok":
            onDone(outcome.body);
            tellSiblings(context.thread.id);
            return true;
          case "stale":
            setNotice({ topic, kind: "stale", changes: outcome.changes });
            await read(true);
            return false;
          case "rejected":
            setNotice({ topic, kind: "rejected", message: outcome.message });
            return false;
          case "failed":
            // The same write again, on the same version: if the first one landed after all,
            // the Worker answers 409 and the sidebar shows what it did; nothing happens twice.
            setNotice({
              topic,
              kind: "failed",
              what,
              timedOut: outcome.timedOut === true,
              retry: () => void writeRef.current?.(key, what, topic, send, onDone),
            });
            return false;
        }
      } finally {
        writing.current = false;
        if (live.current) setPending(null);
      }
    },
    [read, tellSiblings],
  );
  const writeRef = useRef<typeof write | null>(null);
  writeRef.current = write;

  const act = useCallback(
    (action: ThreadAction, details: ActionDetails = {}) => {
      // One id per click: a retry after a lost answer is the same transfer, recorded once.
      const requestId = crypto.randomUUID();
      const { mode, ...rest } = details;
      return write(
        details.otherThreadId ? `${action}:${details.otherThreadId}` : action,
        action,
        TOPIC_OF[action],
        (open, stamp) =>
          action === "take_over" || action === "hand_back"
            ? open.api.transfer(shown.current!.thread.id, {
                ...stamp,
                requestId,
                to: action === "take_over" ? "human" : "ai",
                ...(action === "take_over" && mode && { mode }),
                role: open.role,
                name: open.actor,
              })
            : open.api.act(shown.current!.thread.id, { ...stamp, action, ...rest }),
        (body) => {
          show(body as ThreadContext);
          writes.current += 1;
          setDone({ topic: TOPIC_OF[action], action, seq: writes.current });
        },
      );
    },
    [write, show],
  );

  const editSummary = useCallback(
    (text: string) =>
      write(
        "summary",
        "summary",
        "summary",
        (open, stamp) => open.api.editSummary(shown.current!.thread.id, { ...stamp, text }),
        (body) => show(body as ThreadContext),
      ),
    [write, show],
  );

  const retryNote = useCallback(
    (noteId: string) =>
      write(
        `note:${noteId}`,
        "note",
        "notes",
        (open) => open.api.retryNote(shown.current!.thread.id, noteId),
        () => {
          // 202: queued again. Show it as pending until the next read says how it went.
          const context = shown.current;
          if (!context) return;
          const notes = context.notes.map((note) =>
            note.id === noteId ? { ...note, status: "pending" as const, lastError: null } : note,
          );
          shown.current = { ...context, notes };
          setView({ state: "ready", context: shown.current });
        },
      ),
    [write],
  );

  const writeToChat = useCallback(
    (text: string) => {
      // One id per message: a retry after a lost answer is the same message, sent once.
      const id = crypto.randomUUID();
      return write(
        "chat_message",
        "chat_message",
        "conversation",
        (open) =>
          open.api.writeToChat(shown.current!.thread.id, {
            id,
            text,
            ticketId: open.ticketId,
            name: open.actor,
          }),
        () => undefined,
      );
    },
    [write],
  );

  const context = view.state === "ready" ? view.context : null;
  const headOf = useCallback(async (threadId: string, after: number) => {
    const outcome = await session.current?.api.events(threadId, after);
    return outcome?.kind === "ok" ? outcome.body.head : null;
  }, []);
  const refresh = useCallback(() => {
    // A new ticket gets its id when it is submitted; only then can it be on a thread.
    if (awaitingTicketId.current) void start();
    else void read(true);
  }, [read, start]);
  const threadId = context?.thread.id ?? null;
  const attached = useThreadSession({
    target: session.current,
    threadId,
    offset: context?.offset ?? 0,
    onChange: refresh,
  });
  useLiveUpdates({
    client,
    threadId,
    offset: context?.offset ?? 0,
    headOf,
    onChange: refresh,
    // The session sends every change as it happens; the log is polled only while it cannot.
    paused: attached.live,
    ...(options.pollMs === undefined ? {} : { pollMs: options.pollMs }),
  });

  const dismissNotice = useCallback(() => setNotice(null), []);
  return {
    view,
    requesterName: session.current?.requesterName ?? null,
    notice,
    done,
    dismissNotice,
    pending,
    reload,
    act,
    editSummary,
    retryNote,
    writeToChat,
    participants: attached.participants,
    you: session.current?.actor ?? null,
    control: attached.control,
    role: session.current?.role ?? "agent",
  };
}
