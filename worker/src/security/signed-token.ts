import type { z } from "zod";
import { fromBase64, toBase64Url, utf8 } from "./encoding";

/**
 * A short-lived claim the Worker signs for itself and trusts later by its signature alone:
 * `base64url(JSON).base64url(HMAC-SHA256)`. The OAuth round trip's `state` and a live session's
 * token are both one, each under a key of its own purpose (security/keys.ts), so neither is ever
 * valid as the other.
 */
export type TokenCheck<T> =
  { ok: true; payload: T } | { ok: false; reason: "malformed" | "bad_signature" | "expired" };

export async function signToken(key: CryptoKey, payload: { exp: number }): Promise<string> {
  const body = toBase64Url(utf8(JSON.stringify(payload)));
  const mac = await crypto.subtle.sign("HMAC", key, utf8(body));
  return `${body}.${toBase64Url(mac)}`;
}

/** The signature first (in constant time), then the shape, then the clock. */
export async function verifyToken<T extends { exp: number }>(
  key: CryptoKey,
  token: string,
  schema: z.ZodType<T>,
  nowMs: number,
): Promise<TokenCheck<T>> {
  const [body, mac, extra] = token.split(".");
  if (!body || !mac || extra !== undefined) return { ok: false, reason: "malformed" };
  let signature: Uint8Array<ArrayBuffer>;
  try {
    signature = fromBase64(mac);
  } catch {
    return { ok: false, reason: "malformed" };
  }
  if (!(await crypto.subtle.verify("HMAC", key, signature, utf8(body))))
    return { ok: false, reason: "bad_signature" };
  const payload = signedPayload(body, schema);
  if (!payload) return { ok: false, reason: "malformed" };
  if (payload.exp <= nowMs) return { ok: false, reason: "expired" };
  return { ok: true, payload };
}

/** A signed token's body, base64url JSON, read against its schema; null when it is not one. */
export function signedPayload<T>(body: string, schema: z.ZodType<T>): T | null {
  try {
    const result = schema.safeParse(JSON.parse(new TextDecoder().decode(fromBase64(body))));
    return result.success ? result.data : null;
  } catch {
    return null;
  }
}
