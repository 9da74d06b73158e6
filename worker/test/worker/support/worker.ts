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
  vendor: "zendesk" | "sunco" | "orders",
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

export async function countRows(table: string): Promise<number> {
  return (await env.DB.prepare(`SELECT COUNT(*) AS n FROM ${table}`).first<{ n: number }>())!.n;
}

/** Every table a request could have written to, to prove a rejected one wrote nothing. */
export async function rowCounts(): Promise<Record<string, number>> {
  const tables = [
    "tenants",
    "customers",
    "identities",
    "threads",
    "thread_links",
    "thread_events",
    "inbound_deliveries",
    "audit_log",
  ];
  return Object.fromEntries(
    await Promise.all(tables.map(async (t) => [t, await countRows(t)] as const)),
  );
}
