import { toBase64Url, utf8 } from "./encoding";

/**
 * HMAC-SHA256 of `text` (UTF-8) under `key`, as unpadded base64url: the form of every keyed hash
 * the Worker stores (identifiers, app-secret lookups, one-time codes, erasure tombstones). Every
 * HMAC key it derives hashes with SHA-256 (security/keys.ts).
 */
export async function hmacSha256Base64Url(key: CryptoKey, text: string): Promise<string> {
  return toBase64Url(await crypto.subtle.sign("HMAC", key, utf8(text)));
}
