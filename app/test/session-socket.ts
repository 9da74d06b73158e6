import { act, waitFor } from "@testing-library/react";
import { afterEach, beforeEach, expect, vi } from "vitest";
import { aContext } from "./factories";
import type { Worker } from "./zaf-double";

/** The browser's WebSocket, played by the test: it opens, speaks and drops when told. */
export class SessionSocket {
  static made: SessionSocket[] = [];
  onopen: (() => void) | null = null;
  onmessage: ((event: { data: string }) => void) | null = null;
  onclose: (() => void) | null = null;
  closed = false;
  readonly url: string;
  constructor(url: URL | string) {
    this.url = String(url);
    SessionSocket.made.push(this);
  }
  open() {
    act(() => this.onopen?.());
  }
  say(message: unknown) {
    act(() => this.onmessage?.({ data: JSON.stringify(message) }));
  }
  drop() {
    act(() => this.onclose?.());
  }
  close() {
    this.closed = true;
  }
}

/** Every WebSocket the sidebar opens in this file's tests is a `SessionSocket`. */
export function playSessionSockets(): void {
  beforeEach(() => {
    SessionSocket.made = [];
    vi.stubGlobal("WebSocket", SessionSocket);
  });
  afterEach(() => vi.unstubAllGlobals());
}

export const SESSION_THREAD = "THR-7K2M9QXA";

/** A Worker that gives a session token and, for everything else, a thread a person has. */
export const sessionWorker: Worker = (request) =>
  request.path.endsWith("/session-tokens")
    ? {
        status: 201,
        body: {
          token: "tok",
          expiresAt: "x",
          attach: `/v1/threads/${SESSION_THREAD}/session`,
          head: 12,
        },
      }
    : { status: 200, body: aContext({ workflow: null, control: "human" }) };

/** The sidebar's one socket, once it has opened. */
export async function attachedSocket(): Promise<SessionSocket> {
  await waitFor(() => expect(SessionSocket.made).toHaveLength(1));
  const socket = SessionSocket.made[0]!;
  socket.open();
  return socket;
}
