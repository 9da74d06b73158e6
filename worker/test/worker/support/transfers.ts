import { expect } from "vitest";
import { customer, order, suncoDelivery, suncoMessage } from "./factories";
import {
  createTenant,
  readSessionContext,
  sendSuncoEvents,
  settle,
  type TestTenant,
} from "./tenant";
import { call } from "./worker";

export const CONVERSATION = "conv_transfer";

/** The customer writes on WhatsApp in the conversation, and the Worker has taken it in. */
export async function customerWrites(tenant: TestTenant, text: string, createdAt?: string) {
  await sendSuncoEvents(
    tenant,
    suncoDelivery([
      suncoMessage({
        conversationId: CONVERSATION,
        whatsapp: "819012345678",
        text,
        ...(createdAt && { createdAt }),
      }),
    ]),
  );
  await settle(tenant, 20_000);
}

/** A customer in a live messaging conversation with the AI, on a thread with a workflow. */
export async function customerWithTheAi(): Promise<{ tenant: TestTenant; threadId: string }> {
  const tenant = await createTenant({
    orders: {
      customers: [customer({ phones: ["+819012345678"] })],
      orders: [order({ id: "W4410" })],
    },
  });
  await customerWrites(tenant, "My order W4410 arrived damaged, the mug is cracked.");
  const context = await readSessionContext(tenant, CONVERSATION);
  expect(context.control).toBe("ai");
  return { tenant, threadId: context.thread.id };
}

/** A message the person writes in Zendesk's agent workspace, as Sunshine Conversations sends it. */
export function workspaceReply(text: string, createdAt = "2026-03-11T07:10:00Z") {
  const event = suncoMessage({ conversationId: CONVERSATION, text, createdAt });
  const message = event.payload.message as unknown as Record<string, unknown>;
  message.author = { type: "business", displayName: "Dana" };
  message.source = { type: "zd:agentWorkspace" };
  return suncoDelivery([event]);
}

/** Ask for a transfer as the sidebar does, from the conversation's session. */
export async function transfer(
  tenant: TestTenant,
  threadId: string,
  body: Record<string, unknown>,
): Promise<Response> {
  const context = await readSessionContext(tenant, CONVERSATION);
  return call(`/v1/threads/${threadId}/transfers`, {
    method: "POST",
    headers: { authorization: `Bearer ${tenant.appSecret}`, "content-type": "application/json" },
    body: JSON.stringify({
      requestId: crypto.randomUUID(),
      sessionId: CONVERSATION,
      expectedVersion: context.version,
      actor: "agent-7",
      name: "Dana Whitfield",
      ...body,
    }),
  });
}

export async function threadLog(tenant: TestTenant, threadId: string) {
  const answer = (await (
    await call(`/v1/threads/${threadId}/events?limit=500`, {
      headers: { authorization: `Bearer ${tenant.appSecret}` },
    })
  ).json()) as { events: { event: { type: string; [field: string]: unknown } }[] };
  return answer.events.map((e) => e.event);
}

export async function auditOf(tenant: TestTenant, threadId: string) {
  const answer = (await (
    await call(`/v1/threads/${threadId}/audit?limit=500`, {
      headers: { authorization: `Bearer ${tenant.appSecret}` },
    })
  ).json()) as {
    events: { at: string; actor: string; action: string; data: Record<string, unknown> }[];
  };
  return answer.events;
}

/** The entries that say who took or gave the conversation, and the AI coming and going. */
export async function controlAudit(tenant: TestTenant, threadId: string) {
  return (await auditOf(tenant, threadId))
    .filter((e) => e.action === "control.transferred" || e.data.role === "ai")
    .map((e) => `${e.action} ${e.actor} ${e.data.role} ${String(e.data.kind ?? e.data.reason)}`);
}
