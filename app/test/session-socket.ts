import { act } from "@testing-library/react";
import { afterEach, beforeEach, vi } from "vitest";

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
