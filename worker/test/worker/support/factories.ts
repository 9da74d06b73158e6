/** Small builders for inbound payloads in the vendors' real formats. */

let seq = 0;
const next = () => `${Date.now().toString(36)}-${seq++}`;

export function channelEvent(overrides: Record<string, unknown> = {}) {
  return {
    id: `evt-${next()}`,
    channel: "web_chat",
    occurredAt: "2026-03-01T09:00:00Z",
    identifiers: [],
    message: { author: "customer", text: "Hello" },
    ...overrides,
  };
}

export function customer(overrides: Record<string, unknown> = {}) {
  return {
    id: "C-1001",
    name: "Maya Ortiz",
    email: "maya.ortiz@example.com",
    phones: ["+14155550100"],
    zip: "94107",
    tier: "standard",
    ...overrides,
  };
}

export function order(overrides: Record<string, unknown> = {}) {
  return {
    id: "18422",
    customerId: "C-1001",
    status: "delivered",
    placedAt: "2026-02-20T10:00:00Z",
    items: [{ id: "I-1", name: "Ceramic Vase", price: 64, options: {} }],
    total: 64,
    shipments: [],
    ...overrides,
  };
}

export function zendeskUser(
  id: string,
  email: string,
  extra: { type: string; value: string; verified?: boolean }[] = [],
) {
  return {
    id,
    name: `User ${id}`,
    identities: [{ type: "email", value: email, verified: true }, ...extra],
  };
}

export function zendeskTicketEvent(
  type: string,
  ticket: Record<string, unknown>,
  overrides: Record<string, unknown> = {},
) {
  return {
    account_id: 22129848,
    id: `zd-${next()}`,
    type: `zen:event-type:ticket.${type}`,
    subject: `zen:ticket:${String(ticket.id)}`,
    time: "2026-03-02T18:30:00Z",
    zendesk_event_version: "2022-11-06",
    detail: {
      id: "102",
      requester_id: "9001",
      submitter_id: "9001",
      assignee_id: null,
      brand_id: "360001",
      status: "NEW",
      priority: "NORMAL",
      type: "QUESTION",
      subject: "Help",
      description: "Help please",
      via: { channel: "email" },
      tags: [],
      created_at: "2026-03-02T18:30:00Z",
      updated_at: "2026-03-02T18:30:00Z",
      ...ticket,
    },
    event: {},
    ...overrides,
  };
}

export function suncoMessage(
  overrides: {
    conversationId?: string;
    text?: string;
    whatsapp?: string;
    id?: string;
    createdAt?: string;
    authenticatedExternalId?: string;
  } = {},
) {
  const id = overrides.id ?? `sc-${next()}`;
  return {
    id,
    type: "conversation:message",
    createdAt: overrides.createdAt ?? "2026-03-11T07:00:00Z",
    payload: {
      conversation: { id: overrides.conversationId ?? "conv_1", type: "personal" },
      message: {
        id: `msg_${id}`,
        received: overrides.createdAt ?? "2026-03-11T07:00:00Z",
        author: {
          type: "user",
          userId: "scuser_1",
          displayName: "Hana",
          ...(overrides.authenticatedExternalId && {
            user: {
              id: "scuser_1",
              externalId: overrides.authenticatedExternalId,
              authenticated: true,
            },
          }),
        },
        content: { type: "text", text: overrides.text ?? "Hi" },
        source: {
          type: overrides.whatsapp ? "whatsapp" : "web",
          integrationId: "int_1",
          ...(overrides.whatsapp && {
            client: { id: "cl_1", type: "whatsapp", externalId: overrides.whatsapp },
          }),
        },
      },
    },
  };
}

export function suncoDelivery(events: unknown[]) {
  return { app: { id: "app_continuity" }, webhook: { id: "wh_1", version: "v2" }, events };
}
