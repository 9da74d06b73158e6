/**
 * The setup page's checklist, from facts the Worker read: one row per thing an admin must have
 * working, each with its state and the action that fixes it. Pure: the facts are read elsewhere.
 */

export const CHECKLIST_ROWS = [
  "zendesk",
  "webhook",
  "lastEvent",
  "notes",
  "sunco",
  "orders",
  "ai",
  "retention",
] as const;
export type ChecklistRowId = (typeof CHECKLIST_ROWS)[number];

/** `ok`: working; `attention`: set up but failing; `missing`: not set up (or nothing seen yet). */
export type RowState = "ok" | "attention" | "missing";

/** What the page offers to fix a row: connect again, one of its forms, or nothing it can do. */
export type FixAction = "connect" | "orders" | "ai" | "policy" | "retention" | "operator" | null;

export type Fact = string | number | boolean | null | string[];

export interface ChecklistRow {
  id: ChecklistRowId;
  state: RowState;
  facts: Record<string, Fact>;
  fix: FixAction;
}

/** A test call's outcome: how long it took, and the reason when it failed. */
export interface CallCheck {
  ok: boolean;
  ms: number;
  reason: string | null;
}

export interface SetupFacts {
  zendesk: {
    auth: "oauth" | "token" | "none";
    connectedBy: { userId: string; scopes: string[] } | null;
    webhookId: string | null;
    signed: boolean;
  };
  lastEvent: { at: string; source: string } | null;
  notes: { written: number; failed: number; lastFailure: string | null };
  sunco: { configured: boolean };
  orders: { kind: "none" | "demo" | "http"; check: CallCheck };
  ai: { provider: string; check: CallCheck };
  retention: { days: Record<string, number>; autoReply: boolean; continuityWindowDays: number };
}

function zendeskRow(z: SetupFacts["zendesk"]): ChecklistRow {
  const facts = {
    auth: z.auth,
    userId: z.connectedBy?.userId ?? null,
    scopes: z.connectedBy?.scopes ?? [],
  };
  // An operator's API token works too (the self-hosters' path); Connect is offered to move on.
  return { id: "zendesk", state: z.auth === "none" ? "missing" : "ok", facts, fix: "connect" };
}

function webhookRow(z: SetupFacts["zendesk"]): ChecklistRow {
  const state: RowState = z.signed
    ? z.webhookId || z.auth === "token"
      ? "ok"
      : "attention"
    : "missing";
  return {
    id: "webhook",
    state,
    facts: { webhookId: z.webhookId, signed: z.signed },
    fix: "connect",
  };
}

function callRow(
  id: "orders" | "ai",
  configured: boolean,
  facts: Record<string, Fact>,
  check: CallCheck,
): ChecklistRow {
  const state: RowState = !configured ? "missing" : check.ok ? "ok" : "attention";
  return { id, state, facts: { ...facts, ms: check.ms, reason: check.reason }, fix: id };
}

export function checklist(facts: SetupFacts): ChecklistRow[] {
  const { notes } = facts;
  return [
    zendeskRow(facts.zendesk),
    webhookRow(facts.zendesk),
    {
      id: "lastEvent",
      state: facts.lastEvent ? "ok" : "missing",
      facts: { at: facts.lastEvent?.at ?? null, source: facts.lastEvent?.source ?? null },
      fix: facts.lastEvent ? null : "connect",
    },
    {
      id: "notes",
      state: notes.failed > 0 ? "attention" : notes.written > 0 ? "ok" : "missing",
      facts: { written: notes.written, failed: notes.failed, reason: notes.lastFailure },
      fix: notes.failed > 0 ? "operator" : null,
    },
    {
      id: "sunco",
      state: facts.sunco.configured ? "ok" : "missing",
      facts: { configured: facts.sunco.configured },
      fix: facts.sunco.configured ? null : "operator",
    },
    callRow(
      "orders",
      facts.orders.kind !== "none",
      { kind: facts.orders.kind },
      facts.orders.check,
    ),
    callRow("ai", true, { provider: facts.ai.provider }, facts.ai.check),
    {
      id: "retention",
      state: "ok",
      facts: {
        messagesDays: facts.retention.days.messagesDays ?? null,
        auditDays: facts.retention.days.auditDays ?? null,
        continuityWindowDays: facts.retention.continuityWindowDays,
        autoReply: facts.retention.autoReply,
      },
      fix: "retention",
    },
  ];
}
