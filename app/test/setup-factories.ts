import type { SetupHealth } from "../src/api/setup-types";

/** The Worker's checklist for a connected account, every row green unless changed. */
export function aSetupHealth(overrides: Partial<SetupHealth> = {}): SetupHealth {
  return {
    tenantId: "ten_demo",
    subdomain: "acme",
    rows: [
      {
        id: "zendesk",
        state: "ok",
        facts: { auth: "oauth", userId: "7001", scopes: ["read", "write"] },
        fix: "connect",
      },
      { id: "webhook", state: "ok", facts: { webhookId: "01HW", signed: true }, fix: "connect" },
      {
        id: "lastEvent",
        state: "ok",
        facts: { at: "2026-12-03T10:00:00Z", source: "zendesk" },
        fix: null,
      },
      { id: "notes", state: "ok", facts: { written: 3, failed: 0, reason: null }, fix: null },
      { id: "sunco", state: "ok", facts: { configured: true }, fix: null },
      { id: "orders", state: "ok", facts: { kind: "http", ms: 12, reason: null }, fix: "orders" },
      { id: "ai", state: "ok", facts: { provider: "rules", ms: 0, reason: null }, fix: "ai" },
      {
        id: "retention",
        state: "ok",
        facts: { messagesDays: 90, auditDays: 365, continuityWindowDays: 14, autoReply: false },
        fix: "retention",
      },
    ],
    settings: {
      orders: { baseUrl: "https://orders.acme.test" },
      ai: { provider: "rules" },
      policy: { continuityWindowDays: 14, verificationTtlHours: 24, autoReply: false },
      retention: {
        messagesDays: 90,
        identifiersDays: 730,
        verificationDays: 365,
        artifactDays: 180,
        auditDays: 365,
      },
      webChat: { frameOrigins: [] },
    },
    configuredSecrets: ["orders.token"],
    ...overrides,
  };
}
