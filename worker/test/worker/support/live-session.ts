import { expect } from "vitest";
import type { TestTenant } from "./tenant";
import { call } from "./worker";

export interface SessionEventMessage {
  type: "event";
  offset: number;
  recordedAt: string;
  event: { type: string; [field: string]: unknown };
}
export interface PresenceMessage {
  type: "presence";
  participants: { role: string; participantId: string; label: string; since: string }[];
}
export type SessionMessage = SessionEventMessage | PresenceMessage;

/** A token for the sidebar, asked for as the app asks: with the tenant's app secret. */
export async function askToken(
  tenant: TestTenant,
  threadId: string,
  body: Record<string, unknown> = {},
  appSecret = tenant.appSecret,
): Promise<Response> {
  return call(`/v1/threads/${threadId}/session-tokens`, {
    method: "POST",
    headers: { authorization: `Bearer ${appSecret}`, "content-type": "application/json" },
    body: JSON.stringify({ actor: "agent-7", ...body }),
  });
}

export async function sessionToken(
  tenant: TestTenant,
  threadId: string,
  body: Record<string, unknown> = {},
): Promise<string> {
  const answer = await askToken(tenant, threadId, body);
  expect(answer.status).toBe(201);
  return ((await answer.json()) as { token: string }).token;
}

export function attachRequest(threadId: string, token: string, after = 0, upgrade = true) {
  return call(
    `/v1/threads/${threadId}/session?token=${encodeURIComponent(token)}&after=${after}`,
    upgrade ? { headers: { upgrade: "websocket" } } : {},
  );
}

/** One participant's connection, holding everything it has been sent. */
export interface Attached {
  messages: SessionMessage[];
  events(): SessionEventMessage[];
  lastOffset(): number;
  presence(): PresenceMessage | undefined;
  until(what: string, test: (messages: SessionMessage[]) => boolean, ms?: number): Promise<void>;
  close(): void;
}

export async function attach(threadId: string, token: string, after = 0): Promise<Attached> {
  const response = await attachRequest(threadId, token, after);
  expect(response.status).toBe(101);
  const ws = response.webSocket!;
  const messages: SessionMessage[] = [];
  ws.addEventListener("message", (e) => {
    messages.push(JSON.parse(e.data as string) as SessionMessage);
  });
  ws.accept();
  const events = () => messages.filter((m): m is SessionEventMessage => m.type === "event");
  return {
    messages,
    events,
    lastOffset: () => events().at(-1)?.offset ?? after,
    presence: () => messages.filter((m): m is PresenceMessage => m.type === "presence").at(-1),
    async until(what, test, ms = 5000) {
      const deadline = Date.now() + ms;
      while (!test(messages)) {
        if (Date.now() > deadline) throw new Error(`no ${what} within ${ms} ms`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    close: () => ws.close(1000, "done"),
  };
}

/** Offsets strictly one after another: nothing missed, nothing twice. */
export function expectContiguous(events: SessionEventMessage[], after: number): void {
  expect(events.map((e) => e.offset)).toEqual(events.map((_, i) => after + 1 + i));
}
