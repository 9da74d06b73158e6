import { z } from "zod";
import { fromBase64, toBase64Url, utf8 } from "./encoding";
import { oauthStateKey } from "./keys";

/**
 * The `state` of an OAuth round trip: what the Worker promised itself when it sent a person to
 * consent, signed, so the callback trusts nothing the browser brings back but the signature.
 * It names the account and the app installation it is for, what the round trip is for, when it
 * lapses, and a nonce that is stored at the start and consumed once at the callback.
 */
export const OAuthStatePayload = z.object({
  v: z.literal(1),
  subdomain: z.string().min(1),
  installationId: z.string().min(1),
  intent: z.enum(["connect", "disconnect", "admin_session"]),
  nonce: z.string().min(16),
  /** Expiry, in epoch milliseconds. */
  exp: z.number().int(),
});
export type OAuthStatePayload = z.infer<typeof OAuthStatePayload>;

/** Long enough to read a consent screen and sign in, short enough that a leaked link soon dies. */
export const STATE_TTL_MS = 10 * 60 * 1000;

export type StateCheck =
  | { ok: true; state: OAuthStatePayload }
  | { ok: false; reason: "malformed" | "bad_signature" | "expired" };

export async function signState(secretsKey: string, payload: OAuthStatePayload): Promise<string> {
  const body = toBase64Url(utf8(JSON.stringify(payload)));
  const mac = await crypto.subtle.sign("HMAC", await oauthStateKey(secretsKey), utf8(body));
  return `${body}.${toBase64Url(mac)}`;
}

/** The signature first (in constant time), then the shape, then the clock. */
export async function verifyState(
  secretsKey: string,
  state: string,
  nowMs: number,
): Promise<StateCheck> {
  const [body, mac, extra] = state.split(".");
  if (!body || !mac || extra !== undefined) return { ok: false, reason: "malformed" };
  let signature: Uint8Array<ArrayBuffer>;
  try {
    signature = fromBase64(mac);
  } catch {
    return { ok: false, reason: "malformed" };
  }
  const key = await oauthStateKey(secretsKey);
  if (!(await crypto.subtle.verify("HMAC", key, signature, utf8(body))))
    return { ok: false, reason: "bad_signature" };
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder().decode(fromBase64(body)));
  } catch {
    return { ok: false, reason: "malformed" };
  }
  const result = OAuthStatePayload.safeParse(parsed);
  if (!result.success) return { ok: false, reason: "malformed" };
  if (result.data.exp <= nowMs) return { ok: false, reason: "expired" };
  return { ok: true, state: result.data };
}
