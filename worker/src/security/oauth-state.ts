import { z } from "zod";
import { oauthStateKey } from "./keys";
import { signToken, verifyToken } from "./signed-token";

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
  return signToken(await oauthStateKey(secretsKey), payload);
}

export async function verifyState(
  secretsKey: string,
  state: string,
  nowMs: number,
): Promise<StateCheck> {
  const checked = await verifyToken(
    await oauthStateKey(secretsKey),
    state,
    OAuthStatePayload,
    nowMs,
  );
  return checked.ok ? { ok: true, state: checked.payload } : checked;
}
