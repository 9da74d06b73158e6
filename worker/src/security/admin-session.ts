import { toHex, utf8 } from "./encoding";

/**
 * The setup API's admin session: proven once by an OAuth round trip (Zendesk said `role: admin`
 * of the token's user), then held by the app in memory for a working day. Only the token's hash
 * is stored, so a read of the database cannot act as an admin.
 */
export const ADMIN_SESSION_TTL_MS = 8 * 60 * 60 * 1000;

/** The header the app sends the session in (through Zendesk's proxy, like every call). */
export const ADMIN_SESSION_HEADER = "x-continuity-admin-session";

/** Round trips whose callback proves an admin and so mints a session for the app to collect. */
export const SESSION_INTENTS: readonly string[] = ["admin_session", "connect"];

export async function hashSessionToken(token: string): Promise<string> {
  return toHex(await crypto.subtle.digest("SHA-256", utf8(token)));
}

/** Whether a stored session still holds at `nowMs`. */
export function sessionLive(expiresAt: string, nowMs: number): boolean {
  return Date.parse(expiresAt) > nowMs;
}
