import { DurableObject } from "cloudflare:workers";
import type { Env } from "../env";
import {
  changesPresence,
  conversationsSeenBy,
  presence,
  sessionControl,
  visibleTo,
  type Participant,
  type SessionMessage,
} from "../domain/live-session";
import { loadEvents, loadThread } from "../store/threads";
import { ATTACH_HEADER, recordAttendance, type AttachClaims } from "../threads/attendance";

/** What each connection carries through hibernation: who it is and how far it has been sent. */
interface Attached extends Participant {
  tenantId: string;
  threadId: string;
  /** The newest offset this connection has been sent (or skipped, when not its to see). */
  sent: number;
  /** A customer's: the conversations they were sent (`conversationsSeenBy`). */
  seen?: string[];
}

const PAGE = 200;

/**
 * One per thread that someone has attached to: the thread's live session. Participants attach
 * with WebSockets (hibernatable, so an idle session costs nothing), are sent the log from their
 * offset and then every committed fact, in order, and are told who else is there. Who is attached
 * lives in each socket's attachment, so presence survives the object sleeping. (Agent runs do not
 * come here: they take a lease on their thread in D1, see agent/run-agent.)
 */
export class ThreadSession extends DurableObject<Env> {
  /** Session work (recording attendance, sending) runs one piece at a time, in order. */
  private work: Promise<void> = Promise.resolve();
  private pumpQueued = false;
  /** A fact sent since presence was last told changed who is there or who has control. */
  private presenceMoved = false;
  /** Connections that have left, though their socket may not read as closed yet. */
  private departed = new Set<string>();

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    // Keep-alives are answered without waking the object.
    ctx.setWebSocketAutoResponse(new WebSocketRequestResponsePair("ping", "pong"));
  }

  /** A change to the thread was committed: send what is new to whoever is attached. */
  async committed(): Promise<void> {
    if (this.ctx.getWebSockets().length === 0) return;
    await this.pump();
    // Control changing hands, or the AI coming and going, changes who is there.
    if (this.presenceMoved) {
      this.presenceMoved = false;
      await this.tellPresence();
    }
  }

  /** Attach one participant; the Worker has verified their token (routes/sessions). */
  override async fetch(request: Request): Promise<Response> {
    const claims = JSON.parse(request.headers.get(ATTACH_HEADER) ?? "null") as AttachClaims | null;
    if (!claims || request.headers.get("upgrade")?.toLowerCase() !== "websocket")
      return new Response("attach through the Worker", { status: 400 });
    const { 0: client, 1: server } = new WebSocketPair();
    const attached: Attached = {
      tenantId: claims.tenantId,
      threadId: claims.threadId,
      role: claims.role,
      participantId: claims.participantId,
      label: claims.label,
      connection: crypto.randomUUID(),
      since: new Date().toISOString(),
      sent: claims.after,
    };
    this.ctx.acceptWebSocket(server, [attached.connection]);
    server.serializeAttachment(attached);
    // The arrival goes into the log first, so the replay that follows carries it too.
    void this.serially(async () => {
      await recordAttendance(
        this.env,
        attached.tenantId,
        attached.threadId,
        "joined",
        attached,
        attached.since,
      );
    })
      .then(() => this.pump())
      .then(() => this.tellPresence());
    return new Response(null, { status: 101, webSocket: client });
  }

  override async webSocketMessage(): Promise<void> {
    // Participants only listen for now; what they say reaches the thread through its channel.
  }

  override async webSocketClose(ws: WebSocket, code: number, reason: string): Promise<void> {
    await this.leave(ws);
    try {
      ws.close(code, reason);
    } catch {
      // Already closed from the other side.
    }
  }

  override async webSocketError(ws: WebSocket): Promise<void> {
    await this.leave(ws);
  }

  private async leave(ws: WebSocket): Promise<void> {
    const gone = ws.deserializeAttachment() as Attached | null;
    if (!gone) return;
    // Told of by both the error and the close, it is recorded once: its key is the connection's.
    this.departed.add(gone.connection);
    await this.serially(() =>
      recordAttendance(
        this.env,
        gone.tenantId,
        gone.threadId,
        "left",
        gone,
        new Date().toISOString(),
      ),
    );
    await this.pump();
    await this.tellPresence();
  }

  private serially(step: () => Promise<void>): Promise<void> {
    const next = this.work.then(step).catch((error: unknown) => {
      console.error(
        JSON.stringify({
          msg: "live session step failed",
          error: error instanceof Error ? error.message : "unknown",
        }),
      );
    });
    this.work = next;
    return next;
  }

  /** The sockets still open, with what each carries. */
  private attached(): { ws: WebSocket; at: Attached }[] {
    return this.ctx.getWebSockets().flatMap((ws) => {
      const at =
        ws.readyState === WebSocket.OPEN ? (ws.deserializeAttachment() as Attached | null) : null;
      return at && !this.departed.has(at.connection) ? [{ ws, at }] : [];
    });
  }

  /**
   * Send every connection the facts after its own offset, in offset order, read from the log
   * itself: a wake-up that was missed is made up by the next one, and nothing is sent twice.
   * Requests that arrive while one is waiting share it.
   */
  private pump(): Promise<void> {
    if (this.pumpQueued) return this.work;
    this.pumpQueued = true;
    return this.serially(async () => {
      this.pumpQueued = false;
      const open = this.attached();
      if (open.length === 0) return;
      const { tenantId, threadId } = open[0]!.at;
      const moved = new Set<(typeof open)[number]>(await this.widen(open));
      let after = Math.min(...open.map((o) => o.at.sent));
      for (;;) {
        const page = await loadEvents(this.env.DB, tenantId, threadId, after, PAGE);
        for (const stored of page)
          for (const o of open) {
            if (stored.offset <= o.at.sent) continue;
            if (changesPresence(stored.event)) this.presenceMoved = true;
            if (visibleTo(o.at, stored.event, o.at.seen))
              send(o.ws, {
                type: "event",
                offset: stored.offset,
                recordedAt: stored.recordedAt,
                event: stored.event,
              });
            o.at.sent = stored.offset;
            moved.add(o);
          }
        if (page.length < PAGE) break;
        after = page[page.length - 1]!.offset;
      }
      for (const o of moved) o.ws.serializeAttachment(o.at);
    });
  }

  /**
   * Which conversations each customer sees, from the thread as it is now. A customer who has just
   * proved who they are sees their earlier visits too: they are told to start over and are sent
   * their conversation again from the first offset, so it reads in order. Agents see everything.
   * Returns the connections whose attachment changed. The thread is read on every pump that has a
   * customer: any fact may change what they see, a message too (one that comes after a proof's
   * window has lapsed lowers the contact's level), so no kind of fact can be skipped.
   */
  private async widen(open: { ws: WebSocket; at: Attached }[]) {
    const customers = open.filter((o) => o.at.role === "customer");
    if (customers.length === 0) return [];
    const thread = await loadThread(
      this.env.DB,
      customers[0]!.at.tenantId,
      customers[0]!.at.threadId,
    );
    if (!thread) return [];
    const changed = [];
    for (const o of customers) {
      const before = o.at.seen ?? [o.at.participantId];
      const now = conversationsSeenBy(thread.state, o.at.participantId);
      if (o.at.seen && now.join() === o.at.seen.join()) continue;
      o.at.seen = now;
      // A reattach (after > 0) by a customer already proven is sent it all again too: its page
      // may have missed the moment they proved it.
      if (now.some((id) => !before.includes(id))) {
        send(o.ws, { type: "replay" });
        o.at.sent = 0;
      }
      changed.push(o);
    }
    return changed;
  }

  /**
   * Everyone is told who is there now, the AI agent included while the thread's state has it in
   * the session; agents and supervisors are also told who has the conversation.
   */
  private tellPresence(): Promise<void> {
    return this.serially(async () => {
      const open = this.attached();
      if (open.length === 0) return;
      const { tenantId, threadId } = open[0]!.at;
      const thread = await loadThread(this.env.DB, tenantId, threadId);
      const held = thread ? sessionControl(thread.state) : null;
      const participants = presence(
        open.map((o) => o.at),
        held?.ai ?? null,
      );
      for (const o of open)
        send(o.ws, {
          type: "presence",
          participants,
          ...(held && o.at.role !== "customer" && { control: held.control }),
        });
    });
  }
}

function send(ws: WebSocket, message: SessionMessage): void {
  try {
    ws.send(JSON.stringify(message));
  } catch {
    // A socket closing mid-send is told of by webSocketClose.
  }
}
