import { applyD1Migrations, env } from "cloudflare:test";
import { exports } from "cloudflare:workers";
import { inject } from "vitest";

export const OPERATOR = { authorization: `Bearer ${env.OPERATOR_TOKEN}` };

export async function migrate(): Promise<void> {
  await applyD1Migrations(env.DB, env.TEST_MIGRATIONS);
}

/** Call the Worker exactly as the outside world does. */
export function call(path: string, init: RequestInit = {}): Promise<Response> {
  return exports.default.fetch(new Request(`https://continuity.test${path}`, init));
}

export function standins() {
  return inject("standins");
}

export async function control(
  vendor: "zendesk" | "sunco" | "orders" | "chat",
  space: string,
  action: string,
  body?: unknown,
): Promise<unknown> {
  const response = await fetch(`${standins()[vendor]}/__control/${space}/${action}`, {
    method: body === undefined ? "GET" : "POST",
    ...(body !== undefined && {
      body: JSON.stringify(body),
      headers: { "content-type": "application/json" },
    }),
  });
  return response.json();
}

export async function countRows(table: string, tenantId?: string): Promise<number> {
  const column = table === "tenants" ? "id" : "tenant_id";
  const query = tenantId
    ? env.DB.prepare(`SELECT COUNT(*) AS n FROM ${table} WHERE ${column} = ?1`).bind(tenantId)
    : env.DB.prepare(`SELECT COUNT(*) AS n FROM ${table}`);
  return (await query.first<{ n: number }>())!.n;
}

/**
 * Every table a request could have written to, to prove a rejected one wrote nothing. Scoped to
 * one tenant when given: other tests' agent runs may still be writing in the background.
 */
export async function rowCounts(tenantId?: string): Promise<Record<string, number>> {
  const tables = [
    "tenants",
    "customers",
    "identities",
    "threads",
    "thread_links",
    "thread_events",
    "inbound_deliveries",
    "audit_log",
    "outbox",
    "agent_runs",
  ];
  return Object.fromEntries(
    await Promise.all(tables.map(async (t) => [t, await countRows(t, tenantId)] as const)),
  );
}
