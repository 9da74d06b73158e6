import { fromHex, utf8 } from "./encoding";

const byBytes = new WeakMap<Uint8Array, Promise<CryptoKey>>();
const byText = new Map<string, Promise<CryptoKey>>();
const MAX_TEXT_KEYS = 1000;

/**
 * Import an HMAC key once per secret: tenants keep theirs while cached, and importing on every
 * request costs more than verifying.
 */
function hmacKey(secret: Uint8Array<ArrayBuffer> | string): Promise<CryptoKey> {
  const cached = typeof secret === "string" ? byText.get(secret) : byBytes.get(secret);
  if (cached) return cached;
  const bytes = typeof secret === "string" ? utf8(secret) : secret;
  const key = crypto.subtle.importKey("raw", bytes, { name: "HMAC", hash: "SHA-256" }, false, [
    "sign",
    "verify",
  ]);
  if (typeof secret === "string") {
    if (byText.size >= MAX_TEXT_KEYS) byText.clear();
    byText.set(secret, key);
  } else {
    byBytes.set(secret, key);
  }
  return key;
}

/** HMAC verification through Web Crypto, which compares in constant time. */
export async function verifyHmac(
  secret: Uint8Array<ArrayBuffer> | string,
  signature: Uint8Array<ArrayBuffer>,
  data: string,
): Promise<boolean> {
  return crypto.subtle.verify("HMAC", await hmacKey(secret), signature, utf8(data));
}

export type SignatureCheck = { ok: true } | { ok: false; reason: string };

/** `X-Signature: hex(HMAC-SHA256(key, raw body))` for generic channel events. */
export async function verifyHexSignature(
  key: Uint8Array<ArrayBuffer>,
  signature: string | undefined,
  rawBody: string,
): Promise<SignatureCheck> {
  if (!signature) return { ok: false, reason: "missing X-Signature" };
  const digest = fromHex(signature.trim().replace(/^sha256=/, ""));
  if (!digest) return { ok: false, reason: "X-Signature is not hex" };
  return (await verifyHmac(key, digest, rawBody))
    ? { ok: true }
    : { ok: false, reason: "signature does not match" };
}

/** Constant-time equality for shared secrets sent as headers (Sunshine Conversations' X-API-Key). */
export async function secretsEqual(
  expected: string,
  presented: string | undefined,
): Promise<boolean> {
  if (presented === undefined) return false;
  // Comparing digests keeps the time independent of where the strings differ and of their lengths.
  const [a, b] = await Promise.all([
    crypto.subtle.digest("SHA-256", utf8(expected)),
    crypto.subtle.digest("SHA-256", utf8(presented)),
  ]);
  return crypto.subtle.timingSafeEqual(a, b);
}
