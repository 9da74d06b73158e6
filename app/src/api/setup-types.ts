/** The Worker's setup contract (worker/src/routes/setup/setup.routes.ts), as the page reads it. */

export type RowId =
  "zendesk" | "webhook" | "lastEvent" | "notes" | "sunco" | "orders" | "ai" | "retention";
export type RowState = "ok" | "attention" | "missing";
export type FixAction = "connect" | "orders" | "ai" | "policy" | "retention" | "operator";
export type Fact = string | number | boolean | null | string[];

export interface ChecklistRow {
  id: RowId;
  state: RowState;
  facts: Record<string, Fact>;
  fix: FixAction | null;
}

export interface SetupHealth {
  tenantId: string;
  subdomain: string;
  rows: ChecklistRow[];
  settings: {
    orders: Record<string, unknown> | null;
    ai: Record<string, unknown> | null;
    policy: Record<string, unknown>;
    retention: Record<string, unknown>;
    webChat: Record<string, unknown>;
  };
  /** Which credentials are set (`orders.token`, `ai.apiKey`); never their values. */
  configuredSecrets: string[];
}

export interface ConnectionCheck {
  ok: boolean;
  ms: number;
  reason: string | null;
}

export type SettingsSection = "orders" | "ai" | "policy" | "retention" | "webChat";
