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
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder().decode(fromBase64(body)));
  } catch {
    return { ok: false, reason: "malformed" };
  }
  const result = schema.safeParse(parsed);
  if (!result.success) return { ok: false, reason: "malformed" };
  if (result.data.exp <= nowMs) return { ok: false, reason: "expired" };
  return { ok: true, payload: result.data };
}
