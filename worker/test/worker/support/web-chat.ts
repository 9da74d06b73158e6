import { expect } from "vitest";
import { attach, type Attached } from "./live-session";
import type { TestTenant } from "./tenant";
import { call } from "./worker";

const hex = (bytes: ArrayBuffer) =>
  [...new Uint8Array(bytes)].map((b) => b.toString(16).padStart(2, "0")).join("");
const base64url = (text: string) =>
  btoa(String.fromCharCode(...new TextEncoder().encode(text)))
    .replace(/\+/g, "-")
    .replace(/\//g, "_")
    .replace(/=+$/, "");

let tokens = 0;

/** A customer token as a tenant's site backend signs one (docs/web-chat.md). */
export async function customerToken(
  tenant: TestTenant,
  contact: { type: string; value: string },
  options: { tenantId?: string; secret?: string; expiresIn?: number; jti?: string } = {},
): Promise<string> {
  const payload = base64url(
    JSON.stringify({
      v: 1,
      tenant: options.tenantId ?? tenant.tenantId,
      contact,
      jti: options.jti ?? `jti-${Date.now()}-${tokens++}`,
      exp: Math.floor(Date.now() / 1000) + (options.expiresIn ?? 300),
    }),
  );
  const key = await crypto.subtle.importKey(
    "raw",
    new TextEncoder().encode(options.secret ?? tenant.appSecret),
    { name: "HMAC", hash: "SHA-256" },
    false,
    ["sign"],
  );
  return `${payload}.${hex(await crypto.subtle.sign("HMAC", key, new TextEncoder().encode(payload)))}`;
}

const json = (body: unknown, chatToken?: string): RequestInit => ({
  method: "POST",
  headers: {
    "content-type": "application/json",
    ...(chatToken && { authorization: `Bearer ${chatToken}` }),
  },
  body: JSON.stringify(body),
});

export function openChat(tenantId: string, body: Record<string, unknown> = {}) {
  return call(`/v1/chat/${tenantId}/sessions`, json({ device: "Firefox on Linux", ...body }));
}

export interface ChatVisit {
  chatToken: string;
  sessionId: string;
  identified: boolean;
}

export async function startChat(tenant: TestTenant, customer?: string): Promise<ChatVisit> {
  const answer = await openChat(tenant.tenantId, customer ? { customerToken: customer } : {});
  expect(answer.status).toBe(201);
  return (await answer.json()) as ChatVisit;
}

export function identifyChat(tenantId: string, chatToken: string, customer: string) {
  return call(
    `/v1/chat/${tenantId}/sessions/identity`,
    json({ customerToken: customer }, chatToken),
  );
}

export function sendChat(tenantId: string, chatToken: string | undefined, body: unknown) {
  return call(`/v1/chat/${tenantId}/messages`, json(body, chatToken));
}

export function askChatAttach(tenantId: string, chatToken: string | undefined) {
  return call(
    `/v1/chat/${tenantId}/session-tokens`,
    json({ device: "Firefox on Linux" }, chatToken),
  );
}

/** The visitor's page attaching to their live session, as chat.js does. */
export async function attachChat(
  tenant: TestTenant,
  visit: ChatVisit,
  after = 0,
): Promise<Attached & { threadId: string }> {
  const answer = await askChatAttach(tenant.tenantId, visit.chatToken);
  expect(answer.status).toBe(201);
  const { token, threadId } = (await answer.json()) as { token: string; threadId: string };
  return Object.assign(await attach(threadId, token, after), { threadId });
}

export const reply = (m: { type: string; event?: { type: string } }) =>
  m.type === "event" && m.event?.type === "agent.replied";
