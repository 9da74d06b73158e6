import { hmacSha256Base64Url } from "../security/hmac";

/** Six random digits, uniformly: rejection sampling avoids modulo bias. */
export function newCode(): string {
  const buffer = new Uint32Array(1);
  for (;;) {
    crypto.getRandomValues(buffer);
    if (buffer[0]! < 4_294_000_000) return String(buffer[0]! % 1_000_000).padStart(6, "0");
  }
}

/** Codes are kept only as keyed hashes bound to the thread and contact they were sent to. */
export async function codeHash(
  key: CryptoKey,
  threadId: string,
  contactId: string,
  code: string,
): Promise<string> {
  return hmacSha256Base64Url(key, `otp:${threadId}:${contactId}:${code}`);
}
