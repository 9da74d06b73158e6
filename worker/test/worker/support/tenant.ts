import { call, control, OPERATOR, standins } from "./worker";
import { channelSignature, zendeskSignature } from "./signing";

export const ZENDESK_TEST_SECRET = "dGhpc19zZWNyZXRfaXNfZm9yX3Rlc3Rpbmdfb25seQ==";

export interface TestTenant {
  tenantId: string;
  appSecret: string;
  space: string;
  zendeskSecret: string;
  suncoSecret: string;
}

export interface TenantSeed {
  orders?: { customers: unknown[]; orders: unknown[] };
  zendesk?: { users?: unknown[]; tickets?: unknown[]; helpCenter?: unknown };
  settings?: Record<string, unknown>;
}

let counter = 0;

/**
 * A tenant whose every base URL points at this test's own spaces in the loopback stand-ins,
 * created and configured through the admin API like an operator would.
 */
export async function createTenant(seed: TenantSeed = {}): Promise<TestTenant> {
  const space = `t${Date.now().toString(36)}${(counter++).toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const created = await call("/v1/admin/tenants", {
    method: "POST",
    headers: { ...OPERATOR, "content-type": "application/json" },
    body: JSON.stringify({ subdomain: space }),
  });
  if (created.status !== 201)
    throw new Error(`tenant creation failed: ${created.status} ${await created.text()}`);
  const { tenantId, appSecret } = (await created.json()) as { tenantId: string; appSecret: string };
  const urls = standins();
  const credentials = { email: "bot@example.com", apiToken: `zd-token-${space}` };
  await control("zendesk", space, "load", { credentials, ...seed.zendesk });
  await control("orders", space, "load", { token: `oms-${space}`, ...seed.orders });
  await control("sunco", space, "load", {
    appId: "app_continuity",
    keyId: "key_1",
    keySecret: `sc-${space}`,
  });
  const settings = {
    zendesk: {
      subdomain: space,
      email: credentials.email,
      apiToken: credentials.apiToken,
      webhookSecret: ZENDESK_TEST_SECRET,
      baseUrl: `${urls.zendesk}/s/${space}`,
    },
    sunco: {
      appId: "app_continuity",
      keyId: "key_1",
      keySecret: `sc-${space}`,
      webhookSecret: `sunco-hook-${space}`,
      baseUrl: `${urls.sunco}/s/${space}`,
    },
    orders: { baseUrl: `${urls.orders}/s/${space}`, token: `oms-${space}` },
    ...seed.settings,
  };
  const put = await call(`/v1/admin/tenants/${tenantId}/settings`, {
    method: "PUT",
    headers: { ...OPERATOR, "content-type": "application/json" },
    body: JSON.stringify(settings),
  });
  if (put.status !== 200) throw new Error(`settings failed: ${put.status} ${await put.text()}`);
  return {
    tenantId,
    appSecret,
    space,
    zendeskSecret: ZENDESK_TEST_SECRET,
    suncoSecret: `sunco-hook-${space}`,
  };
}

export async function sendChannelEvent(
  tenant: TestTenant,
  body: unknown,
  init: { signature?: string } = {},
): Promise<Response> {
  const raw = JSON.stringify(body);
  return call(`/v1/channels/${tenant.tenantId}/events`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "x-signature": init.signature ?? (await channelSignature(tenant.appSecret, raw)),
    },
    body: raw,
  });
}

export async function sendZendeskEvent(
  tenant: TestTenant,
  body: unknown,
  init: { timestamp?: string; secret?: string; signature?: string } = {},
): Promise<Response> {
  const raw = typeof body === "string" ? body : JSON.stringify(body);
  const timestamp = init.timestamp ?? new Date().toISOString().replace(/\.\d{3}Z$/, "Z");
  const signature =
    init.signature ?? (await zendeskSignature(init.secret ?? tenant.zendeskSecret, timestamp, raw));
  return call(`/v1/webhooks/zendesk/${tenant.tenantId}`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "x-zendesk-webhook-signature": signature,
      "x-zendesk-webhook-signature-timestamp": timestamp,
    },
    body: raw,
  });
}

export async function sendSuncoEvents(
  tenant: TestTenant,
  body: unknown,
  apiKey = tenant.suncoSecret,
): Promise<Response> {
  return call(`/v1/webhooks/sunco/${tenant.tenantId}`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-api-key": apiKey },
    body: JSON.stringify(body),
  });
}

/** Wait until every queued inbound event of the tenant has been processed. */
export async function settle(tenant: TestTenant, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const response = await call(`/v1/admin/tenants/${tenant.tenantId}/backlog`, {
      headers: OPERATOR,
    });
    const backlog = (await response.json()) as { settled: boolean };
    if (backlog.settled) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error("inbound events did not settle in time");
}

export async function ticketContext(
  tenant: TestTenant,
  ticketId: string,
  appSecret = tenant.appSecret,
): Promise<Response> {
  return call(`/v1/tickets/${ticketId}/context`, {
    headers: { authorization: `Bearer ${appSecret}` },
  });
}

export async function sessionContext(tenant: TestTenant, sessionId: string): Promise<Response> {
  return call(`/v1/sessions/${sessionId}/context`, {
    headers: { authorization: `Bearer ${tenant.appSecret}` },
  });
}

export interface ContextReading {
  thread: { id: string };
  version: number;
  control: string;
  identity: { level: string; contactId: string };
  workflow: {
    id: string;
    currentStep: string | null;
    missing: string[];
    steps: { id: string; status: string }[];
    actions: { action: string; permitted: boolean; reason?: string }[];
  } | null;
  riskFlags: string[];
  sessions: { id: string; channel: string; current: boolean; chatPage: boolean }[];
  agent: {
    handoff: { code: string } | null;
    replies: { text: string; delivery: string; contactId: string; purpose: string }[];
  };
  timeline: { kind: string; text: string }[];
}

export async function readContext(tenant: TestTenant, ticketId: string): Promise<ContextReading> {
  const response = await ticketContext(tenant, ticketId);
  if (response.status !== 200)
    throw new Error(`context for ${ticketId}: ${response.status} ${await response.text()}`);
  return (await response.json()) as ContextReading;
}

export async function readSessionContext(
  tenant: TestTenant,
  sessionId: string,
): Promise<ContextReading> {
  const response = await sessionContext(tenant, sessionId);
  if (response.status !== 200)
    throw new Error(`context for ${sessionId}: ${response.status} ${await response.text()}`);
  return (await response.json()) as ContextReading;
}

/** What the Sunshine Conversations stand-in received for a conversation. */
export async function suncoSent(tenant: TestTenant, conversationId: string) {
  const state = (await control("sunco", tenant.space, "state")) as {
    messages: {
      conversationId: string;
      content: { text?: string };
      metadata: Record<string, unknown> | null;
    }[];
    controls: {
      conversationId: string;
      action: string;
      metadata: Record<string, unknown> | null;
    }[];
  };
  return {
    messages: state.messages.filter((m) => m.conversationId === conversationId),
    controls: state.controls.filter((c) => c.conversationId === conversationId),
  };
}

/** The comments the Zendesk stand-in holds for a ticket. */
export async function zendeskComments(tenant: TestTenant, ticketId: string) {
  const state = (await control("zendesk", tenant.space, "state")) as {
    tickets: Record<
      string,
      {
        comments: { body: string; html_body: string; public: boolean }[];
        tags: string[];
        custom_fields: { id: number; value: unknown }[];
      }
    >;
  };
  return state.tickets[ticketId];
}

export async function act(
  tenant: TestTenant,
  threadId: string,
  body: Record<string, unknown>,
): Promise<Response> {
  return call(`/v1/threads/${threadId}/actions`, {
    method: "POST",
    headers: { authorization: `Bearer ${tenant.appSecret}`, "content-type": "application/json" },
    body: JSON.stringify({ actor: "agent-7", ...body }),
  });
}
