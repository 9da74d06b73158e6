import { randomToken, utf8 } from "./encoding";
import { hmacSha256Base64Url } from "./hmac";

/**
 * App secrets are long enough (> 64 bytes) that HMAC-SHA256 keys with SHA-256(secret) rather than
 * the secret itself (RFC 2104 §2). We keep only that digest, sealed, to verify `X-Signature`, and a
 * keyed lookup hash to authenticate bearer calls; the secret itself is never stored.
 */
export const APP_SECRET_PREFIX = "cs_";

export function generateAppSecret(): string {
  return `${APP_SECRET_PREFIX}${randomToken(64)}`;
}

export async function lookupHash(lookupKey: CryptoKey, secret: string): Promise<string> {
  return hmacSha256Base64Url(lookupKey, secret);
}

/** The HMAC key equivalent of a long secret: SHA-256 of its bytes. */
export async function signingKeyBytes(secret: string): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array(await crypto.subtle.digest("SHA-256", utf8(secret)));
}
