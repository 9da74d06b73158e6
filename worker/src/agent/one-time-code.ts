import { toBase64Url, utf8 } from "../security/encoding";

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
  return toBase64Url(
    await crypto.subtle.sign("HMAC", key, utf8(`otp:${threadId}:${contactId}:${code}`)),
  );
}
